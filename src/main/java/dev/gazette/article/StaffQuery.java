package dev.gazette.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The WHERE clause of the newsroom's article list: fixed SQL fragments picked by which filters are set, every value
 * bound. Nothing typed by a person ever becomes SQL text.
 */
final class StaffQuery {
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private StaffQuery() {}

    static StaffQuery of(ArticleFilter filter) {
        StaffQuery q = new StaffQuery();
        filter.state().ifPresent(state -> q.add("state = :state", "state", state.code()));
        if (!filter.section().isEmpty()) q.add("section_slug = :section", "section", filter.section());
        if (!filter.tag().isEmpty()) {
            q.add("id IN (SELECT article_id FROM article_tag WHERE slug = :tag)", "tag", filter.tag());
        }
        if (!filter.text().isEmpty()) {
            // LOWER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not. The escape character
            // is '!' because Jdbi's parser reads a backslash in SQL text as its own escape.
            q.add("(LOWER(title) LIKE :text ESCAPE '!' OR LOWER(summary) LIKE :text ESCAPE '!'"
                    + " OR LOWER(body_markdown) LIKE :text ESCAPE '!')",
                    "text", "%" + likeEscaped(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return q;
    }

    /** The text with LIKE's wildcards and escape character taken literally. */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private void add(String clause, String name, Object value) {
        clauses.add(clause);
        values.put(name, value);
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    <S extends SqlStatement<S>> S bindTo(S statement) {
        values.forEach(statement::bind);
        return statement;
    }
}
