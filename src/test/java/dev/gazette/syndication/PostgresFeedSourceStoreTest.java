package dev.gazette.syndication;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class PostgresFeedSourceStoreTest extends FeedSourceStoreContract {
    @Override
    Database open() {
        return TestDatabases.postgres();
    }
}
