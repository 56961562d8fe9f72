package dev.gazette.media;

import java.util.Locale;

/**
 * How pictures are taken and kept.
 *
 * @param store where the variants live: {@code disk} (a folder under the data folder), {@code database} (shared by
 *              every node), or {@code auto}: the database on PostgreSQL, the folder on SQLite
 */
public record MediaSettings(MediaLimits limits, String store) {
    public MediaSettings {
        store = store.strip().toLowerCase(Locale.ROOT);
        if (!store.equals("auto") && !store.equals("disk") && !store.equals("database")) {
            throw new IllegalArgumentException("media.store must be auto, disk or database, not '" + store + "'");
        }
    }

    public static MediaSettings defaults() {
        return new MediaSettings(MediaLimits.defaults(), "auto");
    }
}
