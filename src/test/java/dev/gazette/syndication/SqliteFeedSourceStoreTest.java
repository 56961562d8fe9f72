package dev.gazette.syndication;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class SqliteFeedSourceStoreTest extends FeedSourceStoreContract {
    @Override
    Database open() {
        return TestDatabases.sqlite();
    }
}
