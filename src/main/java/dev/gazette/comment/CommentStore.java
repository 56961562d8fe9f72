package dev.gazette.comment;

import dev.gazette.spam.IpNetwork;
import dev.gazette.store.Database;
import dev.gazette.store.Hashes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL for replies; the same statements run on SQLite and PostgreSQL. */
public final class CommentStore {
    private static final String COLUMNS = "id, article_id, parent_id, depth, author_name, author_email, author_url,"
            + " body_markdown, body_html, state, ip, user_agent, referrer, created_at, updated_at, spam_probability,"
            + " spam_reasons, erased";

    private final Jdbi reads;
    private final Jdbi writes;

    public CommentStore(Database db) {
        this.reads = db.reads();
        this.writes = db.writes();
    }

    long insert(Comment c) {
        return insert(c, (h, id) -> {});
    }

    /** Inserts the reply and runs {@code then} with its id in the same transaction. */
    long insert(Comment c, java.util.function.ObjLongConsumer<org.jdbi.v3.core.Handle> then) {
        return writes.inTransaction(h -> {
            long id = insert(h, c);
            then.accept(h, id);
            return id;
        });
    }

    private static long insert(org.jdbi.v3.core.Handle h, Comment c) {
        return h.createQuery("INSERT INTO comment (article_id, parent_id, depth, author_name,"
                        + " author_email, author_url, body_markdown, body_html, content_hash, state, ip, network, user_agent,"
                        + " referrer, created_at, updated_at, spam_probability, spam_reasons) VALUES (:article, :parent,"
                        + " :depth, :name, :email, :url, :md, :html, :hash, :state, :ip, :network, :ua, :referrer, :created,"
                        + " :updated, :p, :reasons) RETURNING id")
                .bind("hash", contentHash(c.bodyMarkdown()))
                .bind("network", network(c.ip()))
                .bind("article", c.articleId())
                .bind("parent", c.parentId().orElse(null))
                .bind("depth", c.depth())
                .bind("name", c.authorName())
                .bind("email", c.authorEmail())
                .bind("url", c.authorUrl())
                .bind("md", c.bodyMarkdown())
                .bind("html", c.bodyHtml())
                .bind("state", c.state().code())
                .bind("ip", c.ip())
                .bind("ua", c.userAgent())
                .bind("referrer", c.referrer())
                .bind("created", c.createdAt().toEpochMilli())
                .bind("updated", c.updatedAt().toEpochMilli())
                .bind("p", c.spamProbability())
                .bind("reasons", c.spamReasons())
                .mapTo(Long.class)
                .one();
    }

    Optional<Comment> find(long id) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE id = :id")
                .bind("id", id).map(CommentStore::map).findOne());
    }

    List<Comment> approved(long articleId) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE article_id = :a"
                        + " AND state = 'approved' ORDER BY created_at, id")
                .bind("a", articleId).map(CommentStore::map).list());
    }

    /** Every reply of an article in every state, oldest first: for exports. */
    List<Comment> all(long articleId) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE article_id = :a"
                        + " ORDER BY created_at, id")
                .bind("a", articleId).map(CommentStore::map).list());
    }

    /** Approved and spam replies after an id, in id order: a page of what moderation decided. */
    List<Comment> decidedAfter(long afterId, int limit) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE id > :after"
                        + " AND state IN ('approved', 'spam') ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).map(CommentStore::map).list());
    }

    List<Comment> latestApproved(int limit) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE state = 'approved'"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(CommentStore::map).list());
    }

    /** One page of the moderation queue: replies in a state, newest first, optionally of one article or with a text. */
    List<Comment> queue(QueueFilter filter, int offset, int limit) {
        return reads.withHandle(h -> filter.bind(h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE " + filter.sql()
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"))
                .bind("limit", limit).bind("offset", offset)
                .map(CommentStore::map).list());
    }

    int queueSize(QueueFilter filter) {
        return reads.withHandle(h -> filter.bind(h.createQuery("SELECT COUNT(*) FROM comment WHERE " + filter.sql()))
                .mapTo(Integer.class).one());
    }

    Map<CommentState, Integer> countsByState() {
        Map<CommentState, Integer> counts = new java.util.EnumMap<>(CommentState.class);
        for (CommentState s : CommentState.values()) counts.put(s, 0);
        reads.useHandle(h -> h.createQuery("SELECT state, COUNT(*) FROM comment GROUP BY state")
                .map((rs, ctx) -> Map.entry(CommentState.ofCode(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** Replies per day and state since a moment, for the dashboard's chart. */
    List<DayCount> perDay(Instant since) {
        return reads.withHandle(h -> h.createQuery("SELECT created_at, state FROM comment WHERE created_at >= :since")
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> new DayCount(LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(1)), ZoneOffset.UTC),
                        CommentState.ofCode(rs.getString(2))))
                .list());
    }

    List<String> reasonsSince(Instant since) {
        return reads.withHandle(h -> h.createQuery("SELECT spam_reasons FROM comment WHERE created_at >= :since"
                        + " AND spam_reasons <> ''")
                .bind("since", since.toEpochMilli()).mapTo(String.class).list());
    }

    void delete(long id) {
        writes.useHandle(h -> h.createUpdate("DELETE FROM comment WHERE id = :id").bind("id", id).execute());
    }

    /** The given replies, if they belong to the article; used for an author's own pending replies. */
    List<Comment> byIds(long articleId, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE article_id = :a AND id IN (<ids>)")
                .bind("a", articleId).bindList("ids", List.copyOf(ids)).map(CommentStore::map).list());
    }

    /** Approved replies per article, for the counts on lists of stories. */
    public Map<Long, Integer> approvedCounts(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) return Map.of();
        Map<Long, Integer> counts = new HashMap<>();
        reads.useHandle(h -> h.createQuery("SELECT article_id, COUNT(*) FROM comment WHERE state = 'approved'"
                        + " AND article_id IN (<ids>) GROUP BY article_id")
                .bindList("ids", List.copyOf(articleIds))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /**
     * Earlier replies by this email, this IP and this network, approved and spam: what the shield calls history.
     * Each count stops at {@link #HISTORY_CAP}, so a flood from one network costs no more than a few rows.
     */
    AuthorRecord record(String email, String ip) {
        return reads.withHandle(h -> {
            String net = network(ip);
            return new AuthorRecord(count(h, "author_email", email, "approved"), count(h, "author_email", email, "spam"),
                    count(h, "ip", ip, "approved"), count(h, "ip", ip, "spam"),
                    count(h, "network", net, "approved"), count(h, "network", net, "spam"));
        });
    }

    static final int HISTORY_CAP = 50;

    /** The /24 or /48 an address belongs to, as the shield names it; the address itself when it is no literal. */
    private static String network(String ip) {
        return IpNetwork.networkOf(ip).orElse(ip);
    }

    // column is one of three constants above, never input.
    private static int count(org.jdbi.v3.core.Handle h, String column, String value, String state) {
        return h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM comment WHERE " + column + " = :v AND state = :s"
                        + " LIMIT " + HISTORY_CAP + ") capped")
                .bind("v", value).bind("s", state).mapTo(Integer.class).one();
    }

    /** True when one of these replies is approved and was written under this email. */
    boolean approvedUnder(Collection<Long> ids, String email) {
        if (ids.isEmpty()) return false;
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comment WHERE id IN (<ids>)"
                        + " AND author_email = :email AND state = 'approved'")
                .bindList("ids", List.copyOf(ids)).bind("email", email).mapTo(Integer.class).one() > 0);
    }

    /** True when the same words already came to this article from this email or this address (and were not binned). */
    boolean alreadySaid(long articleId, String bodyMarkdown, String email, String ip) {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comment WHERE content_hash = :hash"
                        + " AND article_id = :a AND (author_email = :email OR ip = :ip) AND state <> 'trash'")
                .bind("hash", contentHash(bodyMarkdown)).bind("a", articleId).bind("email", email).bind("ip", ip)
                .mapTo(Integer.class).one() > 0);
    }

    /** How often the same text was posted on other articles in the window: a sign of a spam run. */
    int identicalElsewhere(String bodyMarkdown, long articleId, Instant since) {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comment WHERE content_hash = :hash"
                        + " AND article_id <> :a AND created_at >= :since")
                .bind("hash", contentHash(bodyMarkdown)).bind("a", articleId).bind("since", since.toEpochMilli())
                .mapTo(Integer.class).one());
    }

    void countDiscard(Instant when) {
        String day = LocalDate.ofInstant(when, ZoneOffset.UTC).toString();
        writes.useHandle(h -> h.createUpdate("INSERT INTO comment_discard_count (day, count) VALUES (:day, 1)"
                        + " ON CONFLICT (day) DO UPDATE SET count = comment_discard_count.count + 1")
                .bind("day", day).execute());
    }

    int discardedSince(LocalDate first) {
        return reads.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(count), 0) FROM comment_discard_count"
                        + " WHERE day >= :day")
                .bind("day", first.toString()).mapTo(Integer.class).one());
    }

    void updateText(long id, String markdown, String html, Instant now) {
        writes.useHandle(h -> h.createUpdate("UPDATE comment SET body_markdown = :md, body_html = :html, updated_at = :now"
                        + " WHERE id = :id")
                .bind("md", markdown).bind("html", html).bind("now", now.toEpochMilli()).bind("id", id).execute());
    }

    void setState(long id, CommentState state, Instant now) {
        setState(id, state, now, (h, c) -> {});
    }

    /** Sets the state and runs {@code then} with the reply as it now is, in the same transaction. */
    void setState(long id, CommentState state, Instant now,
                  java.util.function.BiConsumer<org.jdbi.v3.core.Handle, Comment> then) {
        writes.useTransaction(h -> {
            h.createUpdate("UPDATE comment SET state = :s, updated_at = :now WHERE id = :id")
                    .bind("s", state.code()).bind("now", now.toEpochMilli()).bind("id", id).execute();
            h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE id = :id").bind("id", id)
                    .map(CommentStore::map).findOne().ifPresent(c -> then.accept(h, c));
        });
    }

    /** The text folded for comparison (case, spacing), hashed: equal for copies that differ only in layout. */
    static String contentHash(String text) {
        String folded = String.join(" ", text.toLowerCase(java.util.Locale.ROOT).strip().split("\\s+"));
        return Hashes.sha256Hex(folded, 16);
    }

    static Comment map(ResultSet rs, StatementContext ctx) throws SQLException {
        long parent = rs.getLong("parent_id");
        Optional<Long> parentId = rs.wasNull() ? Optional.empty() : Optional.of(parent);
        return new Comment(
                rs.getLong("id"),
                rs.getLong("article_id"),
                parentId,
                rs.getInt("depth"),
                rs.getString("author_name"),
                rs.getString("author_email"),
                rs.getString("author_url"),
                rs.getString("body_markdown"),
                rs.getString("body_html"),
                CommentState.ofCode(rs.getString("state")),
                rs.getString("ip"),
                rs.getString("user_agent"),
                rs.getString("referrer"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getDouble("spam_probability"),
                rs.getString("spam_reasons"),
                rs.getInt("erased") != 0);
    }

    private static String escapeLike(String s) {
        // '!' rather than backslash: Jdbi's statement parser treats backslashes itself.
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Which replies the queue shows: a state, and optionally one article and a text to look for. */
    public record QueueFilter(CommentState state, Optional<Long> articleId, String text) {
        // Built from constants only; the values are bound.
        String sql() {
            return "state = :s" + (articleId.isPresent() ? " AND article_id = :article" : "")
                    + (text.isBlank() ? "" : " AND (lower(body_markdown) LIKE :like ESCAPE '!'"
                    + " OR lower(author_name) LIKE :like ESCAPE '!')");
        }

        org.jdbi.v3.core.statement.Query bind(org.jdbi.v3.core.statement.Query q) {
            q.bind("s", state.code());
            articleId.ifPresent(id -> q.bind("article", id));
            if (!text.isBlank()) q.bind("like", "%" + escapeLike(text.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
            return q;
        }
    }

    /** One reply's day and state. */
    public record DayCount(LocalDate day, CommentState state) {}

    /** Counts of earlier replies that tell a trusted author from a known spammer. */
    record AuthorRecord(int approvedByEmail, int spamByEmail, int approvedByIp, int spamByIp, int approvedByNetwork,
                        int spamByNetwork) {
        /** The record of someone who typed the email but could not show they own it: its spam counts, no credit. */
        AuthorRecord unproven() {
            return new AuthorRecord(0, spamByEmail, approvedByIp, spamByIp, approvedByNetwork, spamByNetwork);
        }
    }
}
