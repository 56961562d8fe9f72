package dev.gazette.media;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** One node: SQLite and the variants in a folder. */
class DiskMediaTest extends MediaLibraryContract {
    @Override
    Database openDatabase() {
        return TestDatabases.sqlite();
    }

    @Override
    MediaFiles files(Database db) {
        try {
            return new DiskMediaFiles(Files.createTempDirectory("gazette-media"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder gone from under the site, something else in its place (as a share unmounted, or a disk failing). */
    @Override
    StoreAway storeThatGoesAway() throws IOException {
        Path folder = Files.createTempDirectory("gazette-media-away").resolve("media");
        return new StoreAway(new DiskMediaFiles(folder), () -> {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
            Files.writeString(folder, "not a folder");
        }, () -> Files.deleteIfExists(folder));
    }
}
