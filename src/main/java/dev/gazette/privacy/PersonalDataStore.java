package dev.gazette.privacy;

import dev.gazette.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/** The SQL behind personal-data requests and retention, over the tables that hold personal data (replies). */
public final class PersonalDataStore {
    private final Jdbi reads;
    private final Jdbi writes;

    public PersonalDataStore(Database db) {
        this.reads = db.reads();
        this.writes = db.writes();
    }

    /** Every reply written with this email, with the story it answers. */
    List<StoredReply> replies(String email) {
        return reads.withHandle(h -> h.createQuery("SELECT c.id, a.slug, a.title, c.author_name, c.author_email,"
                        + " c.author_url, c.body_markdown, c.state, c.ip, c.user_agent, c.referrer, c.created_at, c.updated_at"
                        + " FROM comment c JOIN article a ON a.id = c.article_id"
                        + " WHERE lower(c.author_email) = :email AND c.erased = 0 ORDER BY c.created_at, c.id")
                .bind("email", email.strip().toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> new StoredReply(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), Instant.ofEpochMilli(rs.getLong(12)),
                        Instant.ofEpochMilli(rs.getLong(13))))
                .list());
    }

    /** This email's requests to hear of replies, by the reply they follow. */
    List<Subscription> subscriptions(String email) {
        return reads.withHandle(h -> h.createQuery("SELECT comment_id, confirmed, created_at FROM mail_subscription"
                        + " WHERE lower(email) = :email ORDER BY created_at, id")
                .bind("email", email.strip().toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> new Subscription(rs.getLong(1), rs.getInt(2) != 0, Instant.ofEpochMilli(rs.getLong(3))))
                .list());
    }

    /** Mails to this address not yet handed to the mail server, or given up on. */
    List<QueuedMail> mails(String email) {
        return reads.withHandle(h -> h.createQuery("SELECT kind, subject, body_text, state, created_at FROM mail_outbox"
                        + " WHERE lower(recipient) = :email ORDER BY id")
                .bind("email", email.strip().toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> new QueuedMail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))))
                .list());
    }

    /**
     * Erases every reply with this email in one transaction: a reply that others answered stays as "[deleted]"
     * so the thread still reads; any other is deleted.
     */
    Erasure erase(String email, Instant now) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        return writes.inTransaction(h -> {
            // A reply's history goes with it; a reply kept as "[deleted]" keeps none (it named the author's doings).
            h.createUpdate("DELETE FROM reply_event WHERE comment_id IN (SELECT id FROM comment"
                            + " WHERE lower(author_email) = :email)")
                    .bind("email", normalized).execute();
            int kept = h.createUpdate("UPDATE comment SET author_name = '[deleted]', author_email = '', author_url = '',"
                            + " body_markdown = '[deleted]', body_html = '<p>[deleted]</p>', content_hash = '', ip = '',"
                            + " network = '', user_agent = '',"
                            + " referrer = '', spam_reasons = '', erased = 1, updated_at = :now"
                            + " WHERE lower(author_email) = :email"
                            + " AND id IN (SELECT parent_id FROM comment WHERE parent_id IS NOT NULL)")
                    .bind("email", normalized).bind("now", now.toEpochMilli()).execute();
            int deleted = h.createUpdate("DELETE FROM comment WHERE lower(author_email) = :email")
                    .bind("email", normalized).execute();
            // Mail: the requests to hear of replies, and whatever waits to be sent to the address.
            h.createUpdate("DELETE FROM mail_subscription WHERE lower(email) = :email").bind("email", normalized).execute();
            h.createUpdate("DELETE FROM mail_outbox WHERE lower(recipient) = :email").bind("email", normalized).execute();
            return new Erasure(deleted, kept);
        });
    }

    /** Applies the retention periods; returns what it changed. */
    RetentionRun applyRetention(Retention retention, Instant now) {
        long day = 86_400_000L;
        return writes.inTransaction(h -> {
            List<IdIp> old = h.createQuery("SELECT id, ip FROM comment WHERE created_at < :before AND ip <> ''"
                            + " AND ip NOT LIKE '%.0' AND ip NOT LIKE '%::'")
                    .bind("before", now.toEpochMilli() - retention.anonymizeIpAfterDays() * day)
                    .map((rs, ctx) -> new IdIp(rs.getLong(1), rs.getString(2))).list();
            var update = h.prepareBatch("UPDATE comment SET ip = :ip WHERE id = :id");
            for (IdIp row : old) update.bind("ip", IpAddresses.anonymize(row.ip())).bind("id", row.id()).add();
            if (!old.isEmpty()) update.execute();
            int spam = h.createUpdate("DELETE FROM comment WHERE state = 'spam' AND updated_at < :before")
                    .bind("before", now.toEpochMilli() - retention.deleteSpamAfterDays() * day).execute();
            int trash = h.createUpdate("DELETE FROM comment WHERE state = 'trash' AND updated_at < :before")
                    .bind("before", now.toEpochMilli() - retention.deleteTrashAfterDays() * day).execute();
            return new RetentionRun(old.size(), spam, trash);
        });
    }

    private record IdIp(long id, String ip) {}

    /** One reply as exported to its author. */
    public record StoredReply(long id, String articleSlug, String articleTitle, String name, String email, String website,
                              String text, String state, String ip, String userAgent, String referrer, Instant createdAt,
                              Instant updatedAt) {}

    /** A request to hear of replies to one reply. */
    public record Subscription(long replyId, boolean confirmed, Instant createdAt) {}

    /** A mail waiting in the outbox, or given up on. */
    public record QueuedMail(String kind, String subject, String text, String state, Instant createdAt) {}

    /** What an erasure did: replies deleted, and replies kept as "[deleted]" because others answered them. */
    public record Erasure(int deleted, int anonymized) {}

    /** What one retention run did. */
    public record RetentionRun(int ipsAnonymized, int spamDeleted, int trashDeleted) {}
}
