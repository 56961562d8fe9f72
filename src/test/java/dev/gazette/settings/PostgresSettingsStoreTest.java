package dev.gazette.settings;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class PostgresSettingsStoreTest extends SettingsStoreContract {
    @Override
    Database open() {
        return TestDatabases.postgres();
    }
}
