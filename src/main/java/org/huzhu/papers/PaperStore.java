package org.huzhu.papers;

import java.util.Optional;

/**
 * Where the bytes of papers are kept, each under its SHA-256 in lower-case hex: the same bytes
 * are stored once, however many claims name them. A store never holds half a file under a
 * hash. Whether the bytes still match the hash is checked by whoever reads them ({@link Papers}).
 */
public interface PaperStore {

    /** Keeps the bytes under their hash; nothing happens when the hash is stored already. */
    void put(String sha256, byte[] bytes);

    /** The bytes stored under the hash, as they are now; empty when nothing is. */
    Optional<byte[]> get(String sha256);

    /** Where the store keeps its files, for the log and the docs (a folder, a bucket). */
    String describe();
}
