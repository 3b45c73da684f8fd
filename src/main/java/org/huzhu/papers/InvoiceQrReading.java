package org.huzhu.papers;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The QR text on an invoice's file, read once when it is stored: an image at no more than
 * {@link InvoiceQrScanner#FIRST_LOOK} pixels on its longer side (a 50-megapixel photo is never
 * decoded whole), a PDF's first page rendered at about 200 dpi.
 */
final class InvoiceQrReading {

    private InvoiceQrReading() {
    }

    /** The first QR text found, or null: no code, or none readable. */
    static String of(PaperType type, byte[] bytes) {
        try {
            List<String> texts = InvoiceQrScanner.scan(type.isImage() ? image(bytes) : firstPage(bytes));
            return texts.isEmpty() ? null : texts.get(0);
        } catch (IOException | RuntimeException unreadable) {
            // the checks passed the file; a picture the scanner cannot take has no code we can read
            return null;
        }
    }

    private static BufferedImage image(byte[] bytes) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int longer = Math.max(reader.getWidth(0), reader.getHeight(0));
                int step = Math.max(1, (int) Math.ceil((double) longer / InvoiceQrScanner.FIRST_LOOK));
                ImageReadParam every = reader.getDefaultReadParam();
                every.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, every);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage firstPage(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDRectangle box = document.getPage(0).getCropBox();
            float scale = 2000f / Math.max(box.getWidth(), box.getHeight());
            return new PDFRenderer(document).renderImage(0, scale);
        }
    }
}
