package dev.gazette.comment;

import dev.gazette.spam.IpNetwork;
import dev.gazette.store.Database;
import dev.gazette.store.Dialect;
import dev.gazette.store.GroupCommit;
import dev.gazette.store.Hashes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.ObjLongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL for replies, the same on SQLite and PostgreSQL but for the insert (one statement on PostgreSQL). */
public final class CommentStore {
    private static final String COLUMNS = "id, article_id, parent_id, depth, author_name, author_email, author_url,"
            + " body_markdown, body_html, state, ip, user_agent, referrer, created_at, updated_at, spam_probability,"
            + " spam_reasons, erased";

    private final Jdbi reads;
    private final Jdbi writes;
    private final GroupCommit grouped;
    private final boolean postgres;
    // The insert's text by its number of history lines: a reader's reply and a staff reply, made once.
    private final Map<Integer, String> postgresInserts = new ConcurrentHashMap<>();

    public CommentStore(Database db) {
        this.reads = db.reads();
        this.writes = db.writes();
        this.grouped = db.grouped();
        this.postgres = db.dialect() == Dialect.POSTGRESQL;
    }

    /** Stores a reply and the first lines of its history in one transaction; returns the reply's id. */
    long insert(Comment c, List<ReplyEvent> history) {
        return insert(c, history, (h, id) -> {});
    }

    private static final String INSERT = "INSERT INTO comment (article_id, parent_id, depth, author_name,"
            + " author_email, author_url, body_markdown, body_html, content_hash, state, ip, network, user_agent,"
            + " referrer, created_at, updated_at, spam_probability, spam_reasons) VALUES (:article, :parent, :depth,"
            + " :name, :email, :url, :md, :html, :hash, :state, :ip, :network, :ua, :referrer, :created, :updated, :p,"
            + " :reasons) RETURNING id";

    /**
     * Stores a reply and the first lines of its history, then runs {@code then} with its id (mail's outbox), in one
     * transaction; returns the reply's id. On PostgreSQL the reply and its history are one statement: one round trip
     * before the commit, not two. On SQLite replies sent at the same time share a transaction and its commit, each in
     * a savepoint of its own ({@link GroupCommit}): {@code then} sees the replies written before in that transaction.
     * The other nodes are told after the commit, by the caller.
     */
    long insert(Comment c, List<ReplyEvent> history, ObjLongConsumer<Handle> then) {
        return grouped.inTransaction(h -> {
            long id;
            if (postgres) {
                Query q = h.createQuery(postgresInserts.computeIfAbsent(history.size(), CommentStore::postgresInsert));
                bindReply(q, c);
                for (int i = 0; i < history.size(); i++) ReplyHistory.bind(q, "_" + i, history.get(i));
                id = q.map((rs, ctx) -> rs.getLong(1)).one();
            } else {
                // SQLite has no INSERT inside WITH.
                Query q = h.createQuery(INSERT);
                bindReply(q, c);
                id = q.mapTo(Long.class).one();
                ReplyHistory.appendAll(h, id, history);
            }
            then.accept(h, id);
            return id;
        });
    }

    // The reply and its history lines (placeholders numbered by line, the values bound) in one statement.
    private static String postgresInsert(int lines) {
        StringBuilder sql = new StringBuilder("WITH c AS (").append(INSERT).append(")");
        if (lines > 0) {
            sql.append(", e AS (INSERT INTO reply_event (comment_id, at, kind, actor, from_state, to_state, detail,"
                    + " probability) SELECT c.id, v.at, v.kind, v.actor, v.from_state, v.to_state, v.detail,"
                    + " v.probability FROM c CROSS JOIN (VALUES ");
            for (int i = 0; i < lines; i++) {
                sql.append(i == 0 ? "" : ", ").append("(").append(i).append(", ")
                        .append(ReplyHistory.placeholders("_" + i)).append(")");
            }
            sql.append(") AS v (n, at, kind, actor, from_state, to_state, detail, probability) ORDER BY v.n)");
        }
        return sql.append(" SELECT c.id FROM c").toString();
    }

    private static void bindReply(Query q, Comment c) {
        q.bind("hash", contentHash(c.bodyMarkdown()))
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
                .bind("reasons", c.spamReasons());
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

    /** One page of the moderation queue: replies in a state, newest first, with the story each answers. */
    List<QueueEntry> queue(QueueFilter filter, int offset, int limit) {
        // The page's ids first, from an index alone (state, created_at, id; or author, state, created_at): a deep
        // page skips its offset without reading the rows it skips. Then those rows and their stories.
        return reads.withHandle(h -> filter.bind(h.createQuery("SELECT " + prefixed("c.") + ", a.title, a.slug"
                        + " FROM comment c JOIN article a ON a.id = c.article_id WHERE c.id IN (SELECT c.id FROM comment c"
                        + " WHERE c.state = :s AND " + filter.sql() + " ORDER BY c.created_at DESC, c.id DESC"
                        + " LIMIT :limit OFFSET :offset) ORDER BY c.created_at DESC, c.id DESC"))
                .bind("s", filter.state().code()).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new QueueEntry(map(rs, ctx), rs.getString("title"), rs.getString("slug")))
                .list());
    }

    /** One reply with the story it answers, as a row of the queue. */
    Optional<QueueEntry> entry(long id) {
        return reads.withHandle(h -> h.createQuery("SELECT " + prefixed("c.") + ", a.title, a.slug"
                        + " FROM comment c JOIN article a ON a.id = c.article_id WHERE c.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new QueueEntry(map(rs, ctx), rs.getString("title"), rs.getString("slug")))
                .findOne());
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    /** How many replies of each state the filter finds, in one query (the state itself set aside). */
    Map<CommentState, Integer> countsByState(QueueFilter filter) {
        Map<CommentState, Integer> counts = new EnumMap<>(CommentState.class);
        for (CommentState s : CommentState.values()) counts.put(s, 0);
        reads.useHandle(h -> filter.bind(h.createQuery("SELECT c.state, COUNT(*) FROM comment c WHERE " + filter.sql()
                        + " GROUP BY c.state"))
                .map((rs, ctx) -> Map.entry(CommentState.ofCode(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** Replies waiting for a moderator: one COUNT over the state index. */
    int pendingCount() {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comment WHERE state = 'pending'")
                .mapTo(Integer.class).one());
    }

    /** The replies by each of these emails, per state: a reader's record at a glance. */
    Map<String, Map<CommentState, Integer>> byAuthors(Collection<String> emails) {
        Map<String, Map<CommentState, Integer>> out = new HashMap<>();
        List<String> known = emails.stream().filter(e -> !e.isEmpty()).distinct().toList();
        if (known.isEmpty()) return out;
        reads.useHandle(h -> h.createQuery("SELECT author_email, state, COUNT(*) FROM comment"
                        + " WHERE author_email IN (<emails>) GROUP BY author_email, state")
                .bindList("emails", known)
                .map((rs, ctx) -> {
                    out.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(CommentState.class))
                            .put(CommentState.ofCode(rs.getString(2)), rs.getInt(3));
                    return 0;
                }).list());
        return out;
    }

    /** These replies by id, whatever their state or article: the replies that rows of the queue answer. */
    Map<Long, Comment> byIds(Collection<Long> ids) {
        Map<Long, Comment> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        reads.useHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).map(CommentStore::map).forEach(c -> out.put(c.id(), c)));
        return out;
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
        return record(email, ip, Long.MAX_VALUE);
    }

    /** The same, counting only replies stored before the one with this id: its history as it came in. */
    AuthorRecord record(String email, String ip, long beforeId) {
        return reads.withHandle(h -> h.createQuery("SELECT " + AUTHOR_COUNTS)
                .bind("email", email).bind("ip", ip).bind("net", network(ip)).bind("before", beforeId)
                .map((rs, ctx) -> authorRecord(rs, 1))
                .one());
    }

    static final int HISTORY_CAP = 50;

    // Six capped counts in one statement: one round trip per reply instead of six.
    private static final String AUTHOR_COUNTS = capped("author_email", ":email", "approved") + ", "
            + capped("author_email", ":email", "spam") + ", " + capped("ip", ":ip", "approved") + ", "
            + capped("ip", ":ip", "spam") + ", " + capped("network", ":net", "approved") + ", "
            + capped("network", ":net", "spam");
    private static final String ALREADY_SAID = "(SELECT COUNT(*) FROM comment WHERE content_hash = :hash"
            + " AND article_id = :a AND (author_email = :email OR ip = :ip) AND state <> 'trash')";
    private static final String IDENTICAL_ELSEWHERE = "(SELECT COUNT(*) FROM comment WHERE content_hash = :hash"
            + " AND article_id <> :a AND created_at >= :since AND id < :before)";

    private static AuthorRecord authorRecord(ResultSet rs, int first) throws SQLException {
        return new AuthorRecord(rs.getInt(first), rs.getInt(first + 1), rs.getInt(first + 2), rs.getInt(first + 3),
                rs.getInt(first + 4), rs.getInt(first + 5));
    }

    /**
     * What a new reply is checked against before the shield weighs it, in one statement (one round trip on
     * PostgreSQL instead of three): whether the same words already came to this article from this email or address
     * (and was not binned), the author's {@link #record}, and the copies on other articles since a moment
     * ({@link #identicalElsewhere}).
     */
    Checks checks(long articleId, String bodyMarkdown, String email, String ip, Instant since) {
        return reads.withHandle(h -> h.createQuery("SELECT " + ALREADY_SAID + ", " + IDENTICAL_ELSEWHERE + ", "
                        + AUTHOR_COUNTS)
                .bind("hash", contentHash(bodyMarkdown)).bind("a", articleId).bind("email", email).bind("ip", ip)
                .bind("net", network(ip)).bind("since", since.toEpochMilli()).bind("before", Long.MAX_VALUE)
                .map((rs, ctx) -> new Checks(rs.getInt(1) > 0, authorRecord(rs, 3), rs.getInt(2)))
                .one());
    }

    /** What {@link #checks} found for a new reply. */
    record Checks(boolean alreadySaid, AuthorRecord record, int identicalElsewhere) {}

    // column and parameter are constants of the caller, never input; the state is one of two literals.
    private static String capped(String column, String parameter, String state) {
        return "(SELECT COUNT(*) FROM (SELECT 1 FROM comment WHERE " + column + " = " + parameter + " AND state = '"
                + state + "' AND id < :before LIMIT " + HISTORY_CAP + ") AS c_" + column + "_" + state + ")";
    }

    /** The /24 or /48 an address belongs to, as the shield names it; the address itself when it is no literal. */
    private static String network(String ip) {
        return IpNetwork.networkOf(ip).orElse(ip);
    }


    /** True when one of these replies is approved and was written under this email. */
    boolean approvedUnder(Collection<Long> ids, String email) {
        if (ids.isEmpty()) return false;
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comment WHERE id IN (<ids>)"
                        + " AND author_email = :email AND state = 'approved'")
                .bindList("ids", List.copyOf(ids)).bind("email", email).mapTo(Integer.class).one() > 0);
    }

    /**
     * How often the same text was posted on other articles in the window, before the reply with this id (any reply
     * not yet stored: {@link Long#MAX_VALUE}): a sign of a spam run.
     */
    int identicalElsewhere(String bodyMarkdown, long articleId, Instant since, long beforeId) {
        return reads.withHandle(h -> h.createQuery("SELECT " + IDENTICAL_ELSEWHERE)
                .bind("hash", contentHash(bodyMarkdown)).bind("a", articleId).bind("since", since.toEpochMilli())
                .bind("before", beforeId).mapTo(Integer.class).one());
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

    void updateText(long id, String markdown, String html, Instant now, ReplyEvent event) {
        writes.useTransaction(h -> {
            h.createUpdate("UPDATE comment SET body_markdown = :md, body_html = :html, updated_at = :now WHERE id = :id")
                    .bind("md", markdown).bind("html", html).bind("now", now.toEpochMilli()).bind("id", id).execute();
            ReplyHistory.append(h, id, event);
        });
    }

    /** Moves a reply from one state to another with its line of history; see the next. */
    Optional<Long> setState(long id, CommentState from, CommentState to, Instant now, ReplyEvent event) {
        return setState(id, from, to, now, event, (h, c) -> {});
    }

    /**
     * Moves a reply from the state it is in to another, writes the line of history and runs {@code then} with the reply
     * as it now is (mail's outbox), in one transaction. Returns the line's id; empty when the reply is gone or no
     * longer in {@code from} (someone else moved it).
     */
    Optional<Long> setState(long id, CommentState from, CommentState to, Instant now, ReplyEvent event,
                            BiConsumer<Handle, Comment> then) {
        return writes.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE comment SET state = :s, updated_at = :now WHERE id = :id AND state = :from")
                    .bind("s", to.code()).bind("now", now.toEpochMilli()).bind("id", id).bind("from", from.code()).execute();
            if (changed == 0) return Optional.<Long>empty();
            long line = ReplyHistory.append(h, id, event);
            h.createQuery("SELECT " + COLUMNS + " FROM comment WHERE id = :id").bind("id", id)
                    .map(CommentStore::map).findOne().ifPresent(c -> then.accept(h, c));
            return Optional.of(line);
        });
    }

    /** The text folded for comparison (case, spacing), hashed: equal for copies that differ only in layout. */
    static String contentHash(String text) {
        String folded = String.join(" ", text.toLowerCase(Locale.ROOT).strip().split("\\s+"));
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

    /**
     * Which replies the queue shows: a state, and optionally one article, words of a story's title, a text to look
     * for, and one author (by the email they wrote with, or their name when they gave none).
     */
    public record QueueFilter(CommentState state, Optional<Long> articleId, String story, String text,
                              Optional<Author> author) {
        public QueueFilter(CommentState state, Optional<Long> articleId, String text) {
            this(state, articleId, "", text, Optional.empty());
        }

        // Built from constants only; the values are bound. The state is added by the queries that want it.
        String sql() {
            return "1 = 1" + (articleId.isPresent() ? " AND c.article_id = :article" : "")
                    + (story.isBlank() ? "" : " AND c.article_id IN (SELECT id FROM article WHERE lower(title) LIKE :story"
                    + " ESCAPE '!')")
                    + (text.isBlank() ? "" : " AND (lower(c.body_markdown) LIKE :like ESCAPE '!'"
                    + " OR lower(c.author_name) LIKE :like ESCAPE '!')")
                    + author.map(a -> a.email().isEmpty() ? " AND c.author_email = '' AND c.author_name = :author_name"
                    : " AND c.author_email = :author_email").orElse("");
        }

        Query bind(Query q) {
            articleId.ifPresent(id -> q.bind("article", id));
            if (!story.isBlank()) q.bind("story", like(story));
            if (!text.isBlank()) q.bind("like", like(text));
            author.ifPresent(a -> {
                if (a.email().isEmpty()) q.bind("author_name", a.name());
                else q.bind("author_email", a.email());
            });
            return q;
        }

        private static String like(String words) {
            return "%" + escapeLike(words.strip().toLowerCase(Locale.ROOT)) + "%";
        }
    }

    /** A reply's author as the queue filters by them; the email is bound to SQL, never shown or put in a link. */
    public record Author(String name, String email) {}

    /** A row of the queue: the reply and the story it answers. */
    public record QueueEntry(Comment comment, String articleTitle, String articleSlug) {}

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
