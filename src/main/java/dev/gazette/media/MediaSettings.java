package dev.gazette.media;

import java.util.Locale;

/**
 * How pictures are taken and kept.
 *
 * @param store where the variants live: {@code disk} (a folder under the data folder), {@code database} (shared by
 *              every node), {@code s3} (a bucket every node reaches, see {@code s3}), or {@code auto}: the database
 *              on PostgreSQL, the folder on SQLite
 */
public record MediaSettings(MediaLimits limits, String store, S3Settings s3) {
    public MediaSettings {
        store = store.strip().toLowerCase(Locale.ROOT);
        if (!store.matches("auto|disk|database|s3")) {
            throw new IllegalArgumentException("media.store must be auto, disk, database or s3, not '" + store + "'");
        }
        if (store.equals("s3")) s3.check();
    }

    public static MediaSettings defaults() {
        return new MediaSettings(MediaLimits.defaults(), "auto", S3Settings.none());
    }
}
