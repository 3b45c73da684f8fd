package org.huzhu.papers;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

/**
 * Finds the QR codes on a scan or a photo of a paper and answers their texts. A phone photo
 * of 50 megapixels is first looked at scaled down (a code fills enough of a page to survive
 * it, and it is many times faster), then at full size if nothing was found.
 */
public final class InvoiceQrScanner {

    /** The longer side a picture is first scaled to. */
    static final int FIRST_LOOK = 2400;

    private static final Map<DecodeHintType, Object> HINTS = new EnumMap<>(Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8"));

    private InvoiceQrScanner() {
    }

    /** The texts of the QR codes found, in the order found; none when there is no code. */
    public static List<String> scan(BufferedImage picture) {
        int longer = Math.max(picture.getWidth(), picture.getHeight());
        if (longer > FIRST_LOOK) {
            List<String> found = decode(scaled(picture, (double) FIRST_LOOK / longer));
            if (!found.isEmpty()) {
                return found;
            }
        }
        return decode(picture);
    }

    private static List<String> decode(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        int[] pixels = picture.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        List<String> texts = new ArrayList<>();
        try {
            for (Result result : new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)) {
                texts.add(result.getText());
            }
        } catch (NotFoundException none) {
            // the multi reader gives up on some single codes the plain reader reads
            try {
                texts.add(new QRCodeReader().decode(bitmap, HINTS).getText());
            } catch (ReaderException alsoNone) {
                return List.of();
            }
        }
        return texts;
    }

    private static BufferedImage scaled(BufferedImage picture, double factor) {
        int width = Math.max(1, (int) Math.round(picture.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(picture.getHeight() * factor));
        BufferedImage smaller = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = smaller.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(picture, 0, 0, width, height, null);
        graphics.dispose();
        return smaller;
    }
}
