package dev.gazette.media;

import dev.gazette.store.Database;
import dev.gazette.store.PoolSettings;
import dev.gazette.store.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;

/** Several nodes: PostgreSQL holds the descriptions and the variants' bytes. */
class PostgresMediaTest extends MediaLibraryContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    MediaFiles files(Database db) {
        return new DatabaseMediaFiles(db);
    }

    /** A PostgreSQL server of its own, stopped: the shared one stays up for the other tests. */
    @Override
    StoreAway storeThatGoesAway() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        PoolSettings d = PoolSettings.defaults();
        Database db = Database.open(postgres.getJdbcUrl("postgres", "postgres"),
                new PoolSettings(d.password(), 2, Duration.ofMillis(500), d.statementTimeout()));
        return new StoreAway(new DatabaseMediaFiles(db), postgres::close, () -> {
            db.close();
            postgres.close();
        });
    }
}
