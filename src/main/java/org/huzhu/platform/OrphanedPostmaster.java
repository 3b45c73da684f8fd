package org.huzhu.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the JVM was killed ({@code kill -9}, a power cut of the VM) the embedded PostgreSQL
 * it started lives on as an orphan holding the data directory, and the next start fails on
 * its {@code postmaster.pid}. The orphan serves nobody any more: it is asked to shut down
 * (SIGTERM, PostgreSQL's smart shutdown, which its dead clients no longer hold up) and, if it
 * does not within the bound, killed; with fsync on, PostgreSQL recovers from its WAL either way.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : pid(lines.get(0))
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(process -> servesDirectory(process, lines, dataDirectory));
        if (postmaster.isEmpty()) {
            // PostgreSQL itself replaces a pid file whose process is gone.
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("An embedded PostgreSQL (pid {}) left over from an earlier run still holds {}; stopping it",
                process.pid(), dataDirectory);
        process.destroy();
        if (!exited(process, SHUTDOWN)) {
            log.warn("PostgreSQL pid {} did not shut down within {} s; killing it", process.pid(), SHUTDOWN.toSeconds());
            process.destroyForcibly();
            if (!exited(process, SHUTDOWN)) {
                throw new IllegalStateException("the PostgreSQL left over on " + dataDirectory + " (pid " + process.pid()
                        + ") cannot be stopped; stop it by hand before starting Huzhu");
            }
        }
        log.info("Left-over PostgreSQL stopped; starting afresh on {}", dataDirectory);
    }

    private static Optional<Long> pid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The pid file's second line names the data directory; the process must be a postgres too. */
    private static boolean servesDirectory(ProcessHandle process, List<String> lines, Path dataDirectory) {
        boolean sameDirectory = lines.size() > 1 && Path.of(lines.get(1).strip()).toAbsolutePath().normalize()
                .equals(dataDirectory.toAbsolutePath().normalize());
        boolean postgres = process.info().command().map(command -> command.endsWith("postgres")).orElse(true);
        return sameDirectory && postgres;
    }

    private static boolean exited(ProcessHandle process, Duration bound) {
        try {
            process.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
