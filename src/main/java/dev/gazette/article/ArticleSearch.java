package dev.gazette.article;

import dev.gazette.store.Dialect;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Full-text search over public articles: FTS5 on SQLite, tsvector on PostgreSQL. */
public interface ArticleSearch {

    /** Ids of matching public articles, best match first. */
    List<Long> search(SearchQuery query, Instant now, int offset, int limit);

    int count(SearchQuery query, Instant now);

    static ArticleSearch forDialect(Dialect dialect, Jdbi jdbi) {
        return switch (dialect) {
            case SQLITE -> new SqliteArticleSearch(jdbi);
            case POSTGRESQL -> new PostgresArticleSearch(jdbi);
        };
    }
}
