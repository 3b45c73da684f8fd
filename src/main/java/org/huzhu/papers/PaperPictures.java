package org.huzhu.papers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Pictures of a paper's file for the QR reader, the thumbnails and the viewer: an image read at
 * every n-th pixel (a 50-megapixel photo is never decoded whole), a PDF's page rendered to fit,
 * and either scaled, turned and written as a JPEG.
 */
final class PaperPictures {

    /** A thumbnail's longer side. */
    static final int THUMBNAIL = 240;
    /** A page's longer side in the viewer: an A4 page at about 150 dpi, small print readable at full width. */
    static final int PAGE = 1800;

    private PaperPictures() {
    }

    /**
     * A JPEG of the image, or of page {@code index} (from 0) of a PDF, {@code longest} pixels on
     * its longer side (a smaller image is not enlarged), turned clockwise by {@code quarterTurns}.
     * An image is read at between one and two times that size, then scaled down smoothly.
     */
    static byte[] jpeg(PaperType type, byte[] bytes, int index, int longest, int quarterTurns) throws IOException {
        BufferedImage source = type.isImage() ? image(bytes, longest * 2) : pdfPage(bytes, index, longest);
        return jpeg(fitted(source, longest, quarterTurns));
    }

    /** The image read at every n-th pixel, n the least that keeps its longer side within {@code atMost}. */
    static BufferedImage image(byte[] bytes, int atMost) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return sampled(reader, atMost);
            } finally {
                reader.dispose();
            }
        }
    }

    /** What {@link #image} reads, from a reader set on the image: all its data is decoded, little is kept. */
    static BufferedImage sampled(ImageReader reader, int atMost) throws IOException {
        int longer = Math.max(reader.getWidth(0), reader.getHeight(0));
        int step = Math.max(1, (int) Math.ceil((double) longer / atMost));
        ImageReadParam every = reader.getDefaultReadParam();
        every.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, every);
    }

    /** Page {@code index} (from 0) rendered so that its longer side is {@code longest} pixels. */
    static BufferedImage pdfPage(byte[] bytes, int index, int longest) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDRectangle box = document.getPage(index).getCropBox();
            float scale = longest / Math.max(box.getWidth(), box.getHeight());
            return new PDFRenderer(document).renderImage(index, scale);
        }
    }

    /**
     * Scaled to fit {@code longest} (never enlarged), on white (a JPEG has no transparency), and
     * turned clockwise by {@code quarterTurns} quarters.
     */
    private static BufferedImage fitted(BufferedImage source, int longest, int quarterTurns) {
        double scale = Math.min(1.0, (double) longest / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        int turns = Math.floorMod(quarterTurns, 4);
        boolean sideways = turns % 2 == 1;
        BufferedImage picture = new BufferedImage(sideways ? height : width, sideways ? width : height,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            // the turned picture's corner back at the origin: (x, y) goes to (h - y, x) for a quarter, and so on
            AffineTransform turn = switch (turns) {
                case 1 -> AffineTransform.getTranslateInstance(height, 0);
                case 2 -> AffineTransform.getTranslateInstance(width, height);
                case 3 -> AffineTransform.getTranslateInstance(0, width);
                default -> new AffineTransform();
            };
            turn.quadrantRotate(turns);
            g.transform(turn);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return picture;
    }

    private static byte[] jpeg(BufferedImage picture) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", out);
        return out.toByteArray();
    }
}
