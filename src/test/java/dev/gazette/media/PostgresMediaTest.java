package dev.gazette.media;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

/** Several nodes: PostgreSQL holds the descriptions and the variants' bytes. */
class PostgresMediaTest extends MediaLibraryContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    MediaFiles files(Database db) {
        return new DatabaseMediaFiles(db);
    }
}
