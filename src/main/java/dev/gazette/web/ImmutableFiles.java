package dev.gazette.web;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Files that never change under their name (the name holds a hash of the content), served by {@link
 * ImmutableFileHandler} before routing; whatever it does not find here goes on to the routes.
 */
public interface ImmutableFiles {
    /** The path prefix the names follow, such as {@code /media/}. */
    String prefix();

    /**
     * The file with this name (the path after the prefix, still URL-encoded); empty when there is none, and it may
     * throw when its store fails: either way the routes answer instead.
     */
    Optional<File> find(String name);

    /** A file's bytes (read-only, shared by every request: each takes its own view) and its Content-Type. */
    record File(ByteBuffer bytes, String contentType) {
        public File {
            bytes = bytes.asReadOnlyBuffer();
        }
    }
}
