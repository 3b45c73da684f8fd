package org.huzhu.papers;

import java.io.IOException;
import java.util.List;

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
            List<String> texts = InvoiceQrScanner.scan(type.isImage()
                    ? PaperPictures.image(bytes, InvoiceQrScanner.FIRST_LOOK) : PaperPictures.pdfPage(bytes, 0, 2000));
            return texts.isEmpty() ? null : texts.get(0);
        } catch (IOException | RuntimeException unreadable) {
            // the checks passed the file; a picture the scanner cannot take has no code we can read
            return null;
        }
    }
}
