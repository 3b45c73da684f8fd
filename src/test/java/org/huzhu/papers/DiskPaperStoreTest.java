package org.huzhu.papers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The disk store: the contract, and what a crash halfway through a write leaves. */
class DiskPaperStoreTest extends PaperStoreContract {

    @TempDir
    Path folder;

    @Override
    PaperStore store() {
        return new DiskPaperStore(folder);
    }

    @Override
    long storedCopies(String sha256) {
        return files().stream().filter(f -> f.getFileName().toString().equals(sha256)).count();
    }

    @Test
    void aWriteCutOffHalfwayLeavesNothingUnderTheHashAndAFinishedOneNoTemporaryFile() throws IOException {
        byte[] scan = bytes(100_000, 5);
        String hash = PaperChecks.sha256(scan);
        DiskPaperStore store = new DiskPaperStore(folder);
        // what a crash between writing and moving leaves: half the bytes in a temporary file beside the place
        Path place = store.pathOf(hash);
        Files.createDirectories(place.getParent());
        Files.write(place.getParent().resolve(DiskPaperStore.INCOMING + "crashed.part"),
                java.util.Arrays.copyOf(scan, scan.length / 2));
        assertThat(store.get(hash)).isEmpty();

        store.put(hash, scan);
        assertThat(store.get(hash).map(PaperChecks::sha256)).as("the bytes read back").hasValue(hash);
        assertThat(files()).extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrder(hash, DiskPaperStore.INCOMING + "crashed.part");
        assertThat(place).isEqualTo(folder.resolve(hash.substring(0, 2)).resolve(hash));
    }

    @Test
    void temporaryFilesAreNotListedAndGoOnceOlderThanTheGrace() throws IOException {
        byte[] scan = bytes(1000, 6);
        String hash = PaperChecks.sha256(scan);
        DiskPaperStore store = new DiskPaperStore(folder);
        store.put(hash, scan);
        Path crashed = store.pathOf(hash).getParent().resolve(DiskPaperStore.INCOMING + "crashed.part");
        Path writing = store.pathOf(hash).getParent().resolve(DiskPaperStore.INCOMING + "writing.part");
        Files.write(crashed, new byte[10]);
        Files.write(writing, new byte[10]);
        Instant now = Instant.now();
        Files.setLastModifiedTime(crashed, FileTime.from(now.minus(Duration.ofDays(2))));
        try (Stream<PaperStore.Stored> stored = store.stored()) {
            assertThat(stored.map(PaperStore.Stored::sha256)).containsExactly(hash);
        }

        assertThat(store.removeLeftovers(now.minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(files()).extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrder(hash, DiskPaperStore.INCOMING + "writing.part");
    }

    @Test
    void aStoreNeverWrittenToListsNothing() {
        try (Stream<PaperStore.Stored> stored = new DiskPaperStore(folder.resolve("not-yet")).stored()) {
            assertThat(stored).isEmpty();
        }
        assertThat(new DiskPaperStore(folder.resolve("not-yet")).removeLeftovers(Instant.now())).isZero();
    }

    private List<Path> files() {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
