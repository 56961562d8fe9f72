package dev.gazette.media;

import java.util.Optional;
import java.util.regex.Pattern;

/** Where the variants' bytes live: a folder on one node, or the shared database or an S3 bucket for several. */
public interface MediaFiles extends AutoCloseable {
    /** A variant's name: the picture's id, its width and its extension; nothing else is ever read or written. */
    Pattern NAME = Pattern.compile("[0-9a-f]{32}-[1-9][0-9]{0,4}\\.(?:jpg|png)");

    /** Stores the bytes under the name; storing the same name again keeps the first (names come from content). */
    void put(String name, byte[] bytes);

    Optional<byte[]> get(String name);

    /** Lets go of connections to the store; a folder or the site's own database holds none of its own. */
    @Override
    default void close() {
    }

    static String checked(String name) {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("Not a media file name: " + name);
        return name;
    }
}
