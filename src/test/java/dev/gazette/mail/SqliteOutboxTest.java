package dev.gazette.mail;

import dev.gazette.store.Database;
import java.nio.file.Files;

class SqliteOutboxTest extends OutboxContract {
    @Override
    String freshUrl() {
        try {
            return Database.sqliteUrl(Files.createTempDirectory("gazette-outbox"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
