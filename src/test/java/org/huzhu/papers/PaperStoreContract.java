package org.huzhu.papers;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every paper store does, whichever keeps the bytes: each store's test runs these. */
abstract class PaperStoreContract {

    abstract PaperStore store();

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void bytesPutUnderTheirHashAreReadBackAsTheyWere() {
        byte[] scan = bytes(3 * 1024 * 1024 + 17, System.nanoTime());
        String hash = PaperChecks.sha256(scan);
        store().put(hash, scan);
        assertThat(store().get(hash).map(PaperChecks::sha256)).as("the bytes read back").hasValue(hash);
    }

    @Test
    void theSameBytesPutTwiceAreOneFile() {
        byte[] scan = bytes(2048, System.nanoTime());
        String hash = PaperChecks.sha256(scan);
        store().put(hash, scan);
        store().put(hash, scan);
        assertThat(store().get(hash).map(PaperChecks::sha256)).as("the bytes read back").hasValue(hash);
        assertThat(storedCopies(hash)).isEqualTo(1);
    }

    @Test
    void aHashNeverPutIsNotThere() {
        assertThat(store().get(PaperChecks.sha256(bytes(10, System.nanoTime())))).isEmpty();
    }

    /** How many objects or files the store holds for the hash. */
    abstract long storedCopies(String sha256);
}
