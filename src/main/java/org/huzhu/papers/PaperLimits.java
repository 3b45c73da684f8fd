package org.huzhu.papers;

/** How large papers may be (DECISIONS, "Papers"): phone photos of 50 megapixels pass. */
public final class PaperLimits {

    public static final long FILE_BYTES = 10L * 1024 * 1024;
    public static final long CLAIM_BYTES = 50L * 1024 * 1024;
    public static final int PDF_PAGES = 200;
    public static final long IMAGE_PIXELS = 100_000_000L;

    private PaperLimits() {
    }
}
