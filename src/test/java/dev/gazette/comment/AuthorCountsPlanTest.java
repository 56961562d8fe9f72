package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every reply runs {@link CommentStore#CHECKS} before the shield weighs it. PostgreSQL runs it as a generic plan once
 * the driver has prepared it (after five executions), planned without the values: on a site where a few authors wrote
 * most replies, such a plan once counted a new author's replies by walking the whole table (35 ms on 30,000 replies
 * against 0.2 ms). The statement must read a few pages whichever plan runs, for a frequent author and a new one alike.
 */
class AuthorCountsPlanTest {
    private static final int REPLIES = 20_000;
    private static Database db;

    @BeforeAll
    static void skewedReplies() {
        db = TestDatabases.postgres();
        db.writes().useHandle(h -> {
            long article = h.createQuery("INSERT INTO article (slug, title, summary, body_markdown, body_html, author,"
                    + " section_slug, section_name, state, created_at, updated_at) VALUES ('ferry', 'Ferry', '', '', '',"
                    + " 'Ada', 'world', 'World', 'published', 0, 0) RETURNING id").mapTo(Long.class).one();
            // Two readers from one network wrote every reply, all approved: the shape that misleads a generic plan.
            h.createUpdate("INSERT INTO comment (article_id, author_name, author_email, body_markdown, body_html,"
                            + " content_hash, state, ip, network, created_at, updated_at) SELECT :article, 'Reader',"
                            + " CASE WHEN g % 2 = 0 THEN 'ann@example.org' ELSE 'bo@example.org' END, 'words', '<p>words</p>',"
                            + " md5(g::text), 'approved', '198.51.100.7', '198.51.100.0/24', g, g"
                            + " FROM generate_series(1, :n) AS g")
                    .bind("article", article).bind("n", REPLIES).execute();
            h.execute("VACUUM ANALYZE comment"); // what autovacuum does to a table that grows
        });
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @ParameterizedTest(name = "{0}, {1} from {2}")
    @CsvSource({
            "force_generic_plan, new@example.org, 203.0.113.9",
            "force_generic_plan, ann@example.org, 198.51.100.7",
            "force_custom_plan, new@example.org, 203.0.113.9",
            "force_custom_plan, ann@example.org, 198.51.100.7"})
    void theChecksReadAFewPagesWhateverThePlan(String planMode, String email, String ip) throws Exception {
        long pages = db.reads().withHandle(h -> pagesRead(h, planMode, email, ip));
        // Each of the eight counts stops at 50 rows or finds none at once: a few hundred pages at most, where a walk
        // over the table reads every one of its 20,000 rows' pages and index entries.
        assertThat(pages).as("pages read for %s under %s", email, planMode).isLessThan(400);
    }

    private static long pagesRead(Handle h, String planMode, String email, String ip) throws Exception {
        h.execute("SET plan_cache_mode = " + planMode); // one of two constants of this test
        h.execute("PREPARE checks AS " + positional(CommentStore.CHECKS));
        try {
            // EXPLAIN takes no bound parameters: the values are this test's own constants, written in.
            String json = h.createQuery(String.format("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE checks("
                    + "'no such words', 1, '%s', '%s', '%s', 0, 9223372036854775807)", email, ip,
                    ip.substring(0, ip.lastIndexOf('.')) + ".0/24")).mapTo(String.class).one();
            JsonNode plan = new ObjectMapper().readTree(json).get(0).get("Plan");
            return plan.get("Shared Hit Blocks").asLong() + plan.get("Shared Read Blocks").asLong();
        } finally {
            h.execute("DEALLOCATE checks");
        }
    }

    /** The statement with PostgreSQL's numbered parameters in place of its named ones, for PREPARE. */
    private static String positional(String sql) {
        String[] order = {"hash", "a", "email", "ip", "net", "since", "before"};
        Matcher m = Pattern.compile(":([a-z]+)").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = java.util.Arrays.asList(order).indexOf(m.group(1));
            if (n < 0) throw new IllegalStateException("a parameter this test does not know: " + m.group(1));
            m.appendReplacement(out, "\\$" + (n + 1));
        }
        return m.appendTail(out).toString();
    }
}
