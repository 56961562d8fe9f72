package dev.gazette.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export, erasure and retention over replies, run once per database dialect. */
abstract class PersonalDataContract {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private Database db;
    private PersonalData data;
    private int changes;
    private int copiesForgotten;

    abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        data = new PersonalData(new PersonalDataStore(db), Clock.fixed(NOW, ZoneOffset.UTC), () -> changes++,
                () -> copiesForgotten++);
        db.writes().useHandle(h -> h.execute("INSERT INTO article (id, slug, title, body_markdown, body_html, author,"
                + " section_slug, section_name, state, created_at, published_at, updated_at)"
                + " VALUES (1, 'story', 'Story', '', '', 'A', 'world', 'World', 'published', 0, 0, 0)"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long reply(Long parent, String email, String state, String ip, Duration age) {
        return db.writes().withHandle(h -> insert(h, parent, email, state, ip, NOW.minus(age)));
    }

    private static long insert(Handle h, Long parent, String email, String state, String ip, Instant at) {
        return h.createQuery("INSERT INTO comment (article_id, parent_id, author_name, author_email, body_markdown,"
                        + " body_html, state, ip, created_at, updated_at) VALUES (1, :p, 'Name', :e, 'Text by ' || :e,"
                        + " '<p>x</p>', :s, :ip, :at, :at) RETURNING id")
                .bind("p", parent).bind("e", email).bind("s", state).bind("ip", ip).bind("at", at.toEpochMilli())
                .mapTo(Long.class).one();
    }

    private String column(long id, String column) {
        return db.reads().withHandle(h -> h.createQuery("SELECT " + column + " FROM comment WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne().orElse("(gone)"));
    }

    private void mailRows(long reply, String email) {
        db.writes().useHandle(h -> {
            h.createUpdate("INSERT INTO mail_subscription (comment_id, email, confirmed, created_at) VALUES (:c, :e, 1, 0)")
                    .bind("c", reply).bind("e", email).execute();
            h.createUpdate("INSERT INTO mail_outbox (recipient, kind, subject, body_text, body_html, next_attempt_at,"
                    + " created_at) VALUES (:e, 'reply', 'Someone answered', 'Text for ' || :e, '', 0, 0)")
                    .bind("e", email).execute();
        });
    }

    private int mailRowsOf(String email) {
        return db.reads().withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM mail_subscription WHERE email = :e)"
                + " + (SELECT COUNT(*) FROM mail_outbox WHERE recipient = :e)").bind("e", email).mapTo(Integer.class).one());
    }

    @Test
    void exportAndErasureIncludeReplyNotificationsAndMailsNotYetSent() {
        long mine = reply(null, "sub@example.org", "approved", "203.0.113.9", Duration.ofHours(1));
        long theirs = reply(null, "other@example.org", "approved", "198.51.100.1", Duration.ofHours(1));
        mailRows(mine, "sub@example.org");
        mailRows(theirs, "other@example.org");

        String json = data.export("sub@example.org");
        assertThat(json).contains("\"replyNotifications\"").contains("\"replyId\" : " + mine)
                .contains("Text for sub@example.org").doesNotContain("other@example.org");

        data.erase("Sub@Example.org");
        assertThat(mailRowsOf("sub@example.org")).isZero();
        assertThat(mailRowsOf("other@example.org")).isEqualTo(2);
    }

    @Test
    void exportHoldsEveryReplyOfThatEmailAndNoOther() {
        reply(null, "Pat@Example.org", "approved", "203.0.113.9", Duration.ofHours(1));
        reply(null, "pat@example.org", "pending", "203.0.113.9", Duration.ofMinutes(5));
        reply(null, "other@example.org", "approved", "198.51.100.1", Duration.ofHours(2));

        String json = data.export("PAT@example.org ");
        assertThat(json).contains("\"articleSlug\" : \"story\"").contains("Text by Pat@Example.org")
                .contains("Text by pat@example.org").contains("203.0.113.9").doesNotContain("other@example.org");
    }

    @Test
    void erasureDeletesLeavesAndBlanksRepliesOthersAnswered() {
        long answered = reply(null, "gone@example.org", "approved", "203.0.113.9", Duration.ofHours(3));
        long answer = reply(answered, "stays@example.org", "approved", "198.51.100.1", Duration.ofHours(2));
        long leaf = reply(null, "gone@example.org", "pending", "203.0.113.9", Duration.ofHours(1));

        PersonalDataStore.Erasure erasure = data.erase("gone@example.org");

        assertThat(erasure).isEqualTo(new PersonalDataStore.Erasure(1, 1));
        assertThat(copiesForgotten).as("the spam filter's copies are folded away too").isEqualTo(1);
        assertThat(column(leaf, "author_name")).isEqualTo("(gone)");
        assertThat(column(answered, "author_name")).isEqualTo("[deleted]");
        assertThat(column(answered, "body_markdown")).isEqualTo("[deleted]");
        assertThat(column(answered, "author_email")).isEmpty();
        assertThat(column(answered, "ip")).isEmpty();
        assertThat(column(answer, "author_email")).isEqualTo("stays@example.org");
        assertThat(data.export("gone@example.org")).doesNotContain("Text by");
        assertThat(changes).isEqualTo(1);
    }

    @Test
    void retentionAnonymizesOldAddressesAndDeletesOldSpamAndTrash() {
        long oldV4 = reply(null, "a@example.org", "approved", "203.0.113.77", Duration.ofDays(31));
        long oldV6 = reply(null, "b@example.org", "approved", "2001:db8:5:1:0:0:0:9", Duration.ofDays(40));
        long recent = reply(null, "c@example.org", "approved", "198.51.100.5", Duration.ofDays(2));
        long oldSpam = reply(null, "d@example.org", "spam", "192.0.2.1", Duration.ofDays(16));
        long newSpam = reply(null, "e@example.org", "spam", "192.0.2.2", Duration.ofDays(3));
        long oldTrash = reply(null, "f@example.org", "trash", "192.0.2.3", Duration.ofDays(31));

        PersonalDataStore.RetentionRun run = data.applyRetention(Retention.defaults());

        assertThat(column(oldV4, "ip")).isEqualTo("203.0.113.0");
        assertThat(column(oldV6, "ip")).isEqualTo("2001:db8:5::");
        assertThat(column(recent, "ip")).isEqualTo("198.51.100.5");
        assertThat(column(oldSpam, "state")).isEqualTo("(gone)");
        assertThat(column(newSpam, "state")).isEqualTo("spam");
        assertThat(column(oldTrash, "state")).isEqualTo("(gone)");
        assertThat(run.spamDeleted()).isEqualTo(1);
        assertThat(run.trashDeleted()).isEqualTo(1);

        assertThat(data.applyRetention(Retention.defaults()).ipsAnonymized()).as("a second run changes nothing").isZero();
    }

    private void history(long commentId, String kind) {
        db.writes().useHandle(h -> h.createUpdate("INSERT INTO reply_event (comment_id, at, kind, actor) VALUES (:c, 0,"
                + " :k, 'Mo')").bind("c", commentId).bind("k", kind).execute());
    }

    private int historyRows(long commentId) {
        return db.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reply_event WHERE comment_id = :c")
                .bind("c", commentId).mapTo(Integer.class).one());
    }

    @Test
    void aReplysHistoryGoesWithItOnErasureAndRetention() {
        long answered = reply(null, "gone@example.org", "approved", "203.0.113.9", Duration.ofHours(3));
        long answer = reply(answered, "stays@example.org", "approved", "198.51.100.1", Duration.ofHours(2));
        long leaf = reply(null, "gone@example.org", "pending", "203.0.113.9", Duration.ofHours(1));
        long oldSpam = reply(null, "spam@example.org", "spam", "198.51.100.7", Duration.ofDays(40));
        long oldTrash = reply(null, "trash@example.org", "trash", "198.51.100.8", Duration.ofDays(40));
        for (long id : new long[] {answered, answer, leaf, oldSpam, oldTrash}) history(id, "approve");

        data.erase("gone@example.org");
        assertThat(historyRows(answered)).as("kept as [deleted], without its history").isZero();
        assertThat(historyRows(leaf)).isZero();
        assertThat(historyRows(answer)).as("another author's reply keeps its history").isEqualTo(1);

        data.applyRetention(Retention.defaults());
        assertThat(historyRows(oldSpam)).isZero();
        assertThat(historyRows(oldTrash)).isZero();
        assertThat(historyRows(answer)).isEqualTo(1);
    }
}
