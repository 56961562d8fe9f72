package dev.gazette.akismet;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class SqliteAkismetStoreTest extends AkismetStoreContract {
    @Override
    Database open() {
        return TestDatabases.sqlite();
    }
}
