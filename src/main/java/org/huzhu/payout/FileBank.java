package org.huzhu.payout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bank through files: its transfer client collects batch files from the outbox and
 * drops result files ({@code *.csv}, layout in the README) into the inbox.
 */
class FileBank implements Bank {

    private final Path inbox;

    FileBank(Path inbox) {
        this.inbox = inbox;
    }

    @Override
    public void send(Path batchFile) {
        // the file in the outbox is what the bank's client picks up
    }

    @Override
    public List<Path> results() {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void read(Path resultFile) {
        try {
            Path done = Files.createDirectories(inbox.resolve("read"));
            Files.move(resultFile, done.resolve(resultFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            // another node put it away first
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean simulated() {
        return false;
    }
}
