package org.huzhu.papers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Papers as files under a folder, at {@code ab/abcdef…} for the hash {@code abcdef…} (a folder
 * per first byte, so that no folder holds millions). Each file is written to a temporary file
 * beside its place, forced to the disk and moved into place in one step: a crash leaves at most
 * a temporary file (named {@code .incoming-…}), never half a paper under a hash.
 */
final class DiskPaperStore implements PaperStore {

    static final String INCOMING = ".incoming-";

    private final Path root;

    DiskPaperStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String sha256, byte[] bytes) {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            Path folder = Files.createDirectories(target.getParent());
            Path incoming = Files.createTempFile(folder, INCOMING, ".part");
            try {
                try (FileChannel channel = FileChannel.open(incoming, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                // the same bytes arriving twice at once: both moves put identical content in place
                Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(incoming);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("paper " + sha256 + " could not be written to " + root, e);
        }
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        try {
            return Optional.of(Files.readAllBytes(pathOf(sha256)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("paper " + sha256 + " could not be read from " + root, e);
        }
    }

    @Override
    public Stream<Stored> stored() {
        return files(PaperChecks::isSha256)
                .map(file -> new Stored(file.path().getFileName().toString(), file.writtenAt()));
    }

    @Override
    public void delete(String sha256) {
        try {
            Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("paper " + sha256 + " could not be deleted from " + root, e);
        }
    }

    /** The temporary files of writes that never finished (a crash, a full disk). */
    @Override
    public long removeLeftovers(Instant writtenBefore) {
        try (Stream<File> leftovers = files(name -> name.startsWith(INCOMING) && name.endsWith(".part"))) {
            return leftovers.filter(file -> file.writtenAt().isBefore(writtenBefore)).filter(file -> {
                try {
                    return Files.deleteIfExists(file.path());
                } catch (IOException e) {
                    throw new UncheckedIOException("a temporary file could not be deleted from " + root, e);
                }
            }).count();
        }
    }

    private record File(Path path, Instant writtenAt) {
    }

    /** The files in the hashes' folders whose names match, found as the stream is read. */
    private Stream<File> files(Predicate<String> named) {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try {
            return Files.find(root, 2, (path, attributes) -> attributes.isRegularFile()
                            && named.test(path.getFileName().toString()))
                    .flatMap(path -> writtenAt(path).map(at -> new File(path, at)).stream());
        } catch (IOException e) {
            throw new UncheckedIOException("the papers in " + root + " could not be listed", e);
        }
    }

    /** Empty when the file went meanwhile (another node's sweep, a write moved into place). */
    private static Optional<Instant> writtenAt(Path path) {
        try {
            return Optional.of(Files.getLastModifiedTime(path).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return "disk " + root;
    }

    /** The hash is checked by the caller to be 64 hex digits: never a name from outside. */
    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
