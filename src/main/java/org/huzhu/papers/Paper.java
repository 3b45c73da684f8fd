package org.huzhu.papers;

import java.time.Instant;
import java.util.Optional;

import org.huzhu.scheme.DocumentKind;

/**
 * A stored file of one of a claim's papers.
 *
 * @param claimId      null while the file waits in a counter's intake form for its claim
 * @param originalName the name it came with, for people only
 * @param pages        a PDF's page count; null for an image
 * @param qrText       the text of the QR code on an invoice's file, as decoded; null when none was found
 */
public record Paper(long id, Long claimId, DocumentKind kind, String originalName, PaperType type, long size,
                    String sha256, Integer pages, String uploadedBy, Instant uploadedAt, String qrText) {

    /** How many pages the file shows: a PDF's count, one for an image. */
    public int pageCount() {
        return pages == null ? 1 : pages;
    }

    /** The invoice the QR code describes, when its layout is one we know. */
    public Optional<InvoiceQr> invoiceQr() {
        return InvoiceQrLayouts.read(qrText);
    }
}
