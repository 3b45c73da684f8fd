package org.huzhu.papers;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

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

    @Test
    void everyStoredHashIsListedWithWhenItWasWritten() {
        Instant before = Instant.now().minusSeconds(2);
        List<String> hashes = Stream.of(1, 2, 3, 4, 5).map(i -> bytes(100 + i, System.nanoTime())).map(scan -> {
            String hash = PaperChecks.sha256(scan);
            store().put(hash, scan);
            return hash;
        }).toList();
        Instant after = Instant.now().plusSeconds(2);
        // the S3 store lists in pages of two: the listing reads on from page to page
        try (Stream<PaperStore.Stored> stored = store().stored()) {
            List<PaperStore.Stored> listed = stored.filter(s -> hashes.contains(s.sha256())).toList();
            assertThat(listed).extracting(PaperStore.Stored::sha256).containsExactlyInAnyOrderElementsOf(hashes);
            // object stores keep the time to the second
            assertThat(listed).allSatisfy(s -> assertThat(s.writtenAt()).isBetween(before, after));
        }
    }

    @Test
    void deletedBytesAreGoneAndDeletingThemAgainChangesNothing() {
        byte[] kept = bytes(500, System.nanoTime());
        byte[] deleted = bytes(600, System.nanoTime());
        String keptHash = PaperChecks.sha256(kept);
        String deletedHash = PaperChecks.sha256(deleted);
        store().put(keptHash, kept);
        store().put(deletedHash, deleted);

        store().delete(deletedHash);
        store().delete(deletedHash);
        assertThat(store().get(deletedHash)).isEmpty();
        assertThat(storedCopies(deletedHash)).isZero();
        assertThat(store().get(keptHash).map(PaperChecks::sha256)).hasValue(keptHash);
        try (Stream<PaperStore.Stored> stored = store().stored()) {
            assertThat(stored.map(PaperStore.Stored::sha256)).contains(keptHash).doesNotContain(deletedHash);
        }
        // the same bytes sent again after the sweep are stored anew
        store().put(deletedHash, deleted);
        assertThat(store().get(deletedHash).map(PaperChecks::sha256)).hasValue(deletedHash);
    }

    /** How many objects or files the store holds for the hash. */
    abstract long storedCopies(String sha256);
}
