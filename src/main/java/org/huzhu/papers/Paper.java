package org.huzhu.papers;

import java.time.Instant;

import org.huzhu.scheme.DocumentKind;

/**
 * A stored file of one of a claim's papers.
 *
 * @param originalName the name it came with, for people only
 * @param pages        a PDF's page count; null for an image
 */
public record Paper(long id, long claimId, DocumentKind kind, String originalName, PaperType type, long size,
                    String sha256, Integer pages, String uploadedBy, Instant uploadedAt) {
}
