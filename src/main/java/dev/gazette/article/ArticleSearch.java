package dev.gazette.article;

import dev.gazette.store.Database;
import java.time.Instant;
import java.util.List;

/** Full-text search over public articles: FTS5 on SQLite, tsvector on PostgreSQL. */
public interface ArticleSearch {

    /** Ids of matching public articles, best match first. */
    List<Long> search(SearchQuery query, Instant now, int offset, int limit);

    int count(SearchQuery query, Instant now);

    static ArticleSearch of(Database db) {
        return switch (db.dialect()) {
            case SQLITE -> new SqliteArticleSearch(db.reads());
            case POSTGRESQL -> new PostgresArticleSearch(db.reads());
        };
    }
}
