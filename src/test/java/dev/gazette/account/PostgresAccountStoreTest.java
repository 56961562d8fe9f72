package dev.gazette.account;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class PostgresAccountStoreTest extends AccountStoreContract {
    @Override
    Database open() {
        return TestDatabases.postgres();
    }
}
