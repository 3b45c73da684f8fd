package org.huzhu.papers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private List<Path> files() {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
