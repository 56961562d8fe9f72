package dev.gazette.ops;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Whether the site can still write under its data folder: enough free space, and a small write that really
 * reaches the disk. A full disk fails every reply, so readiness must say so before readers find out.
 */
public final class DiskCheck {
    private static final int PROBE_BYTES = 4096;
    static final String PROBE_FILE = ".gazette-write-probe";

    private final Path folder;
    private final long minFreeBytes;

    public DiskCheck(Path folder, long minFreeBytes) {
        this.folder = folder;
        this.minFreeBytes = minFreeBytes;
    }

    /** What is wrong with the disk, in words; empty when the site can write. */
    public Optional<String> problem() {
        Path probe = folder.resolve(PROBE_FILE);
        try {
            long free = Files.getFileStore(folder).getUsableSpace();
            if (free < minFreeBytes) {
                return Optional.of("disk: " + megabytes(free) + " free under the data folder, below the " + megabytes(minFreeBytes) + " readiness asks for (health.min-free-mb)");
            }
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.allocate(PROBE_BYTES);
                while (bytes.hasRemaining()) channel.write(bytes);
                channel.force(true);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("disk: cannot write under the data folder (" + e.getClass().getSimpleName() + ")");
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the next probe truncates it anyway
            }
        }
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
