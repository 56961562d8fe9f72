package dev.gazette.mail;

import dev.gazette.store.TestDatabases;

class PostgresOutboxTest extends OutboxContract {
    @Override
    String freshUrl() {
        return TestDatabases.postgresUrl();
    }
}
