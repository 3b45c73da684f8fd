package org.huzhu.papers;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A JPEG at most {@link #SIZE} pixels on its longer side: of an image read at a fraction of its
 * pixels (a 50-megapixel photo is never decoded whole), of a PDF's first page rendered to fit.
 */
final class PaperThumbnails {

    static final int SIZE = 240;

    byte[] of(PaperType type, byte[] bytes) {
        try {
            return jpeg(fit(type.isImage() ? image(bytes) : firstPage(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("no thumbnail", e);
        }
    }

    private static BufferedImage image(byte[] bytes) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return sampled(reader);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The image read at every n-th pixel, about twice the thumbnail's size: all its data is decoded, little is kept. */
    static BufferedImage sampled(ImageReader reader) throws IOException {
        int longer = Math.max(reader.getWidth(0), reader.getHeight(0));
        ImageReadParam every = reader.getDefaultReadParam();
        int step = Math.max(1, longer / (SIZE * 2));
        every.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, every);
    }

    private static BufferedImage firstPage(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDRectangle box = document.getPage(0).getCropBox();
            float scale = SIZE / Math.max(box.getWidth(), box.getHeight());
            return new PDFRenderer(document).renderImage(0, scale);
        }
    }

    /** Scaled to fit, on white (a JPEG has no transparency). */
    private static BufferedImage fit(BufferedImage source) {
        double scale = Math.min(1.0, (double) SIZE / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return small;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
