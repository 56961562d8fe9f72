package dev.gazette.media;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

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
}
