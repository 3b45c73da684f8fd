package org.huzhu.papers;

import org.huzhu.scheme.DocumentKind;

/**
 * A file that passed the checks ({@link PaperChecks}), ready to be stored.
 *
 * @param pages the page count of a PDF, null for an image
 */
public record CheckedPaper(DocumentKind kind, String originalName, PaperType type, byte[] bytes, String sha256,
                           Integer pages) {

    public long size() {
        return bytes.length;
    }
}
