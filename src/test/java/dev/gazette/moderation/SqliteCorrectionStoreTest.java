package dev.gazette.moderation;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class SqliteCorrectionStoreTest extends CorrectionStoreContract {
    @Override
    Database open() {
        return TestDatabases.sqlite();
    }
}
