package dev.gazette.comment;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class PostgresCommentStoreTest extends CommentStoreContract {
    @Override
    Database open() {
        return TestDatabases.postgres();
    }
}
