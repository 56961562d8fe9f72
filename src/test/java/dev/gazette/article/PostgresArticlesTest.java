package dev.gazette.article;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class PostgresArticlesTest extends ArticlesContract {
    @Override
    Database open() {
        return TestDatabases.postgres();
    }
}
