package dev.gazette.comment;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;

class SqliteCommentStoreTest extends CommentStoreContract {
    @Override
    Database open() {
        return TestDatabases.sqlite();
    }
}
