package dev.gazette.mail;

import dev.gazette.store.Database;
import dev.gazette.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/** The SQL of the outbox: mails written with what caused them, claimed by the sender, retried, or given up on. */
public final class Outbox {
    private static final String COLUMNS = "id, recipient, kind, subject, body_text, body_html, unsubscribe_url, state,"
            + " attempts, next_attempt_at, last_error, created_at";
    private static final String INSERT = "INSERT INTO mail_outbox (recipient, kind, subject, body_text, body_html,"
            + " unsubscribe_url, next_attempt_at, created_at) VALUES (:to, :kind, :subject, :text, :html, :unsub, :now,"
            + " :now)";

    private final Jdbi reads;
    private final Jdbi writes;
    private final String lockDue;

    public Outbox(Database db) {
        this.reads = db.reads();
        this.writes = db.writes();
        // On PostgreSQL two nodes may claim at once: each skips the rows the other is claiming. SQLite has one writer.
        this.lockDue = db.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** Adds a mail within the caller's transaction, so it is kept exactly when what caused it is. */
    public void add(Handle h, OutgoingMail m, Instant now) {
        bind(h.createUpdate(INSERT), m, now).execute();
    }

    private static <T extends SqlStatement<T>> T bind(T statement, OutgoingMail m, Instant now) {
        return statement.bind("to", m.to()).bind("kind", m.kind()).bind("subject", m.subject()).bind("text", m.text())
                .bind("html", m.html()).bind("unsub", m.unsubscribeUrl()).bind("now", now.toEpochMilli());
    }

    /** Adds mails within the caller's transaction in one batch: one statement however many. */
    public void addAll(Handle h, List<OutgoingMail> mails, Instant now) {
        if (mails.isEmpty()) return;
        if (mails.size() == 1) {
            add(h, mails.get(0), now);
            return;
        }
        var batch = h.prepareBatch(INSERT);
        for (OutgoingMail m : mails) bind(batch, m, now).add();
        batch.execute();
    }

    public void add(OutgoingMail m, Instant now) {
        writes.useTransaction(h -> add(h, m, now));
    }

    /**
     * Claims up to {@code limit} mails that are due for {@code lease}: no other sender takes them meanwhile, and if
     * this one stops mid-way they are due again when the lease ends (a mail may then go twice, never zero times).
     */
    List<Queued> claim(Instant now, Duration lease, int limit) {
        return writes.withHandle(h -> h.createQuery("UPDATE mail_outbox SET claimed_until = :until WHERE id IN"
                        + " (SELECT id FROM mail_outbox WHERE state = 'waiting' AND next_attempt_at <= :now"
                        + " AND claimed_until <= :now ORDER BY next_attempt_at, id LIMIT :limit" + lockDue + ")"
                        + " RETURNING " + COLUMNS)
                .bind("until", now.plus(lease).toEpochMilli()).bind("now", now.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> queued(rs)).list()
                .stream().sorted(Comparator.comparingLong(Queued::id)).toList());
    }

    /** The server took these: they leave the outbox, with the addresses in them. */
    void sent(List<Long> ids) {
        if (ids.isEmpty()) return;
        writes.useHandle(h -> h.createUpdate("DELETE FROM mail_outbox WHERE id IN (<ids>)").bindList("ids", ids).execute());
    }

    /** Many mails' next tries in one transaction: one commit, not one per mail, while the server is away. */
    void retryLater(List<Retry> retries) {
        if (retries.isEmpty()) return;
        writes.useTransaction(h -> {
            var batch = h.prepareBatch("UPDATE mail_outbox SET attempts = :a, next_attempt_at = :next,"
                    + " claimed_until = 0, last_error = :e WHERE id = :id");
            for (Retry r : retries) {
                batch.bind("a", r.attempts()).bind("next", r.next().toEpochMilli()).bind("e", r.error())
                        .bind("id", r.id()).add();
            }
            batch.execute();
        });
    }

    /** A mail's next try. */
    record Retry(long id, int attempts, Instant next, String error) {}

    void retryLater(long id, int attempts, Instant next, String error) {
        writes.useHandle(h -> h.createUpdate("UPDATE mail_outbox SET attempts = :a, next_attempt_at = :next,"
                        + " claimed_until = 0, last_error = :e WHERE id = :id")
                .bind("a", attempts).bind("next", next.toEpochMilli()).bind("e", error).bind("id", id).execute());
    }

    /** Hands claimed mails back untried: due again at once. */
    void release(List<Long> ids) {
        if (ids.isEmpty()) return;
        writes.useHandle(h -> h.createUpdate("UPDATE mail_outbox SET claimed_until = 0 WHERE id IN (<ids>)")
                .bindList("ids", ids).execute());
    }

    void giveUp(long id, int attempts, String error) {
        writes.useHandle(h -> h.createUpdate("UPDATE mail_outbox SET state = 'failed', attempts = :a, claimed_until = 0,"
                        + " last_error = :e WHERE id = :id")
                .bind("a", attempts).bind("e", error).bind("id", id).execute());
    }

    /** Failed mails are tried again from now, with a fresh count of attempts; returns how many. */
    int retryFailed(Instant now) {
        return writes.withHandle(h -> h.createUpdate("UPDATE mail_outbox SET state = 'waiting', attempts = 0,"
                        + " next_attempt_at = :now WHERE state = 'failed'")
                .bind("now", now.toEpochMilli()).execute());
    }

    /** Drops mails not yet sent that carry this unsubscribe link: the person has just said no. */
    void cancel(Handle h, String unsubscribeUrl) {
        h.createUpdate("DELETE FROM mail_outbox WHERE unsubscribe_url = :u").bind("u", unsubscribeUrl).execute();
    }

    /** What waits and what failed, oldest first, for the newsroom. */
    List<Queued> waitingAndFailed(int limit) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM mail_outbox"
                        + " ORDER BY CASE WHEN state = 'failed' THEN 0 ELSE 1 END, id LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> queued(rs)).list());
    }

    public Counts counts() {
        return reads.withHandle(h -> h.createQuery("SELECT"
                        + " COALESCE(SUM(CASE WHEN state = 'waiting' THEN 1 ELSE 0 END), 0),"
                        + " COALESCE(SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END), 0) FROM mail_outbox")
                .map((rs, ctx) -> new Counts(rs.getInt(1), rs.getInt(2))).one());
    }

    private static Queued queued(ResultSet rs) throws SQLException {
        return new Queued(rs.getLong("id"), new OutgoingMail(rs.getString("recipient"), rs.getString("kind"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getString("unsubscribe_url")), rs.getString("state").equals("failed"), rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("next_attempt_at")), rs.getString("last_error"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** A mail in the outbox and how its sending goes. */
    public record Queued(long id, OutgoingMail mail, boolean failed, int attempts, Instant nextAttempt, String lastError,
                         Instant createdAt) {}

    /** How many mails wait and how many were given up on. */
    public record Counts(int waiting, int failed) {}
}
