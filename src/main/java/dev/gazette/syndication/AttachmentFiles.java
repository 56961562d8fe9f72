package dev.gazette.syndication;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a WordPress attachment's file is read from: the old site's uploads folder copied here ({@code --uploads}),
 * or its address, fetched only through {@link FeedFetcher} (public addresses, or hosts the settings name).
 */
public interface AttachmentFiles {
    String UPLOADS = "/wp-content/uploads/";
    /** Where a Gazette serves its pictures' variants, as another Gazette's export gives their addresses. */
    String MEDIA = "/media/";
    /** A Gazette variant's name: the picture's id, the width, the extension. */
    String VARIANT = "[0-9a-f]{32}-[0-9]{1,5}\\.(?:jpg|png)";

    /** The file's bytes. @throws IOException saying why it could not be had */
    byte[] read(String url) throws IOException;

    /**
     * Files under the uploads folder, by the part of the address after {@code /wp-content/uploads/}; or, for another
     * Gazette's export, in its media folder by the variant's name after {@code /media/}.
     */
    static AttachmentFiles folder(Path uploads) {
        Path root = uploads.toAbsolutePath().normalize();
        Pattern variant = Pattern.compile(Pattern.quote(MEDIA) + "(" + VARIANT + ")(?:[?#].*)?$");
        return url -> {
            int at = url.indexOf(UPLOADS);
            Matcher gazette = variant.matcher(url);
            String relative;
            if (at >= 0) {
                relative = url.substring(at + UPLOADS.length()).replaceAll("[?#].*", "");
            } else if (gazette.find()) {
                relative = gazette.group(1);
            } else {
                throw new IOException("its address is not under " + UPLOADS + " nor a picture under " + MEDIA);
            }
            Path file = root.resolve(URLDecoder.decode(relative, StandardCharsets.UTF_8))
                    .normalize();
            // A crafted export must not read anything outside the folder it was given.
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                throw new IOException("no file " + relative + " in " + root);
            }
            return Files.readAllBytes(file);
        };
    }

    /** Fetched from their addresses, with every check {@link FeedFetcher} makes. */
    static AttachmentFiles web(FeedFetcher fetcher) {
        return url -> {
            try {
                FeedFetcher.Fetched fetched = fetcher.get(url, Map.of());
                if (fetched.status() != 200) throw new IOException("its address answered " + fetched.status());
                return fetched.body();
            } catch (FetchFailed e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }
}
