package org.huzhu.papers;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a paper may be, known by their first bytes (their signature), never by the
 * name they came with. OFD (the Chinese standard for e-documents) is not among them: a ZIP with
 * an {@code OFD.xml} says little of what it shows, and nothing here could show it (docs/papers.md).
 */
public enum PaperType {
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    private final String mediaType;
    private final String extension;
    private final byte[] signature;

    PaperType(String mediaType, String extension, byte[] signature) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.signature = signature;
    }

    /** The type whose signature the bytes start with. */
    public static Optional<PaperType> of(byte[] bytes) {
        return Arrays.stream(values()).filter(type -> type.startsOf(bytes)).findFirst();
    }

    public static PaperType ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst().orElseThrow();
    }

    private boolean startsOf(byte[] bytes) {
        return bytes.length >= signature.length
                && Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length);
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this != PDF;
    }
}
