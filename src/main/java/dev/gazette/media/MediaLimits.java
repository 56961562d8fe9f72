package dev.gazette.media;

/**
 * How large an upload may be: in bytes as sent, and in pixels as its header declares, checked before anything is
 * decoded (a small file may declare a picture that would fill the memory: a decompression bomb).
 */
public record MediaLimits(long maxBytes, long maxPixels) {
    public MediaLimits {
        if (maxBytes <= 0 || maxPixels <= 0) throw new IllegalArgumentException("media limits must be positive");
    }

    /** 30 MB and 50 megapixels: a full-size photograph from a professional camera fits. */
    public static MediaLimits defaults() {
        return new MediaLimits(30L * 1024 * 1024, 50_000_000L);
    }
}
