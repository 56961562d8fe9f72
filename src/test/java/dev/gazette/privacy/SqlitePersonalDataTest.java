package dev.gazette.privacy;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class SqlitePersonalDataTest extends PersonalDataContract {
    @Override
    Database open() {
        return TestDatabases.sqlite();
    }
}
