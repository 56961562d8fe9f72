package dev.gazette.moderation;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class PostgresCorrectionStoreTest extends CorrectionStoreContract {
    @Override
    Database open() {
        return TestDatabases.postgres();
    }
}
