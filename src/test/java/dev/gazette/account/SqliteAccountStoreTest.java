package dev.gazette.account;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class SqliteAccountStoreTest extends AccountStoreContract {
    @Override
    Database open() {
        return TestDatabases.sqlite();
    }
}
