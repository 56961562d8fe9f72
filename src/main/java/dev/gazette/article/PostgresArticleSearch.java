package dev.gazette.article;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Search through PostgreSQL's tsvector column, ranked by ts_rank. */
final class PostgresArticleSearch implements ArticleSearch {
    private static final String MATCHES = " FROM article WHERE search @@ plainto_tsquery('english', :q)"
            + " AND state <> 'draft' AND published_at <= :now";

    private final Jdbi jdbi;

    PostgresArticleSearch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Long> search(SearchQuery query, Instant now, int offset, int limit) {
        if (query.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("SELECT id" + MATCHES
                        + " ORDER BY ts_rank(search, plainto_tsquery('english', :q)) DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("q", String.join(" ", query.words())).bind("now", now.toEpochMilli())
                .bind("limit", limit).bind("offset", offset)
                .mapTo(Long.class).list());
    }

    @Override
    public int count(SearchQuery query, Instant now) {
        if (query.isEmpty()) return 0;
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*)" + MATCHES)
                .bind("q", String.join(" ", query.words())).bind("now", now.toEpochMilli())
                .mapTo(Integer.class).one());
    }
}
