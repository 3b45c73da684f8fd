package org.huzhu.papers;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the bytes of papers are kept, each under its SHA-256 in lower-case hex: the same bytes
 * are stored once, however many claims name them. A store never holds half a file under a
 * hash. Whether the bytes still match the hash is checked by whoever reads them ({@link Papers});
 * whether any claim still names them by whoever deletes them ({@link PaperSweep}).
 */
public interface PaperStore {

    /** Keeps the bytes under their hash; nothing happens when the hash is stored already. */
    void put(String sha256, byte[] bytes);

    /** The bytes stored under the hash, as they are now; empty when nothing is. */
    Optional<byte[]> get(String sha256);

    /**
     * Every hash stored, with when its bytes were written, read a page at a time as the stream is
     * consumed (a store may hold millions): close the stream.
     */
    Stream<Stored> stored();

    /** Removes the bytes under the hash; nothing happens when none are there. */
    void delete(String sha256);

    /**
     * Removes what writes cut off left behind before the instant and answers how many; a store
     * that shows only whole objects (S3) has none.
     */
    default long removeLeftovers(Instant writtenBefore) {
        return 0;
    }

    /** Where the store keeps its files, for the log and the docs (a folder, a bucket). */
    String describe();

    /** A hash the store holds and when its bytes were written. */
    record Stored(String sha256, Instant writtenAt) {
    }
}
