package dev.gazette.media;

import java.util.Locale;

/** One resized copy of a picture, as served: re-encoded, without any of the upload's metadata. */
public record Variant(int width, int height, String extension, byte[] bytes) {
    /** The file's name: the picture's id and the width, so every size has an address of its own that never changes. */
    public String name(String pictureId) {
        return pictureId + "-" + width + "." + extension;
    }

    /** The Content-Type of a variant with this extension. */
    public static String contentType(String extension) {
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "jpg" -> "image/jpeg";
            case "png" -> "image/png";
            default -> throw new IllegalArgumentException("not a variant's extension: " + extension);
        };
    }
}
