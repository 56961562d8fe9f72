package dev.gazette.article;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Search through SQLite's FTS5 index, ranked by BM25. */
final class SqliteArticleSearch implements ArticleSearch {
    private static final String MATCHES = " FROM article_fts JOIN article a ON a.id = article_fts.rowid"
            + " WHERE article_fts MATCH :q AND a.state <> 'draft' AND a.published_at <= :now";

    private final Jdbi jdbi;

    SqliteArticleSearch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Long> search(SearchQuery query, Instant now, int offset, int limit) {
        if (query.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id" + MATCHES + " ORDER BY bm25(article_fts, 5.0, 2.0, 1.0)"
                        + " LIMIT :limit OFFSET :offset")
                .bind("q", ftsQuery(query)).bind("now", now.toEpochMilli())
                .bind("limit", limit).bind("offset", offset)
                .mapTo(Long.class).list());
    }

    @Override
    public int count(SearchQuery query, Instant now) {
        if (query.isEmpty()) return 0;
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*)" + MATCHES)
                .bind("q", ftsQuery(query)).bind("now", now.toEpochMilli())
                .mapTo(Integer.class).one());
    }

    // Each word becomes a quoted prefix term, so nothing a reader types is read as FTS5 syntax.
    private static String ftsQuery(SearchQuery query) {
        return query.words().stream()
                .map(w -> "\"" + w.replace("\"", "\"\"") + "\"*")
                .collect(Collectors.joining(" "));
    }
}
