package dev.gazette.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Variants as files in a folder under the data folder: for a site on one node. */
public final class DiskMediaFiles implements MediaFiles {
    private final Path folder;

    public DiskMediaFiles(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the media folder " + folder.toAbsolutePath(), e);
        }
    }

    @Override
    public void put(String name, byte[] bytes) {
        Path target = folder.resolve(MediaFiles.checked(name));
        if (Files.exists(target)) return;
        try {
            // Written aside then moved, so a reader never sees half a file and a crash leaves none.
            Path temp = Files.createTempFile(folder, ".upload-", ".tmp");
            try {
                Files.write(temp, bytes);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException e) {
            // another request stored the same picture first: the same bytes
        } catch (IOException e) {
            throw new MediaStoreUnavailable("Cannot write " + target.toAbsolutePath() + ": " + e);
        }
    }

    @Override
    public Optional<byte[]> get(String name) {
        try {
            return Optional.of(Files.readAllBytes(folder.resolve(MediaFiles.checked(name))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A folder unmounted, unreadable or full: like the database away, something that passes.
            throw new MediaStoreUnavailable("Cannot read " + name + " in the media folder " + folder.toAbsolutePath()
                    + ": " + e);
        }
    }
}
