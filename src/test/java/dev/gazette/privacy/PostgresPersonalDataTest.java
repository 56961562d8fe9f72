package dev.gazette.privacy;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class PostgresPersonalDataTest extends PersonalDataContract {
    @Override
    Database open() {
        return TestDatabases.postgres();
    }
}
