package dev.gazette.comment;

import dev.gazette.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of replies' histories; rows go with their reply (the foreign key cascades). */
public final class ReplyHistory {
    private static final String COLUMNS = "id, comment_id, at, kind, actor, from_state, to_state, detail, probability";

    private final Jdbi reads;

    public ReplyHistory(Database db) {
        this.reads = db.reads();
    }

    /** Adds a line inside the caller's transaction; returns its id. */
    static long append(Handle h, long commentId, ReplyEvent e) {
        return h.createQuery("INSERT INTO reply_event (comment_id, at, kind, actor, from_state, to_state, detail,"
                        + " probability) VALUES (:c, :at, :kind, :actor, :from, :to, :detail, :p) RETURNING id")
                .bind("c", commentId).bind("at", e.at().toEpochMilli()).bind("kind", e.kind().code())
                .bind("actor", e.actor()).bind("from", e.from().map(CommentState::code).orElse(""))
                .bind("to", e.to().map(CommentState::code).orElse("")).bind("detail", e.detail())
                .bind("p", e.probability())
                .mapTo(Long.class).one();
    }

    /**
     * Adds several lines inside the caller's transaction as one batch: one round trip on PostgreSQL, however many
     * lines (a new reply has two).
     */
    static void appendAll(Handle h, long commentId, List<ReplyEvent> events) {
        if (events.isEmpty()) return;
        PreparedBatch batch = h.prepareBatch("INSERT INTO reply_event (comment_id, at, kind, actor, from_state, to_state,"
                + " detail, probability) VALUES (:c, " + placeholders("") + ")");
        for (ReplyEvent e : events) bind(batch.bind("c", commentId), "", e).add();
        batch.execute();
    }

    /** A line's values as named placeholders, in the column order of an insert: at, kind, actor, from, to, detail, p. */
    static String placeholders(String suffix) {
        return String.join(", ", List.of("at", "kind", "actor", "from", "to", "detail", "p").stream()
                .map(name -> ":" + name + suffix).toList());
    }

    /** Binds a line's values to the placeholders {@link #placeholders} named with this suffix. */
    static <T extends SqlStatement<T>> T bind(T statement, String suffix, ReplyEvent e) {
        return statement.bind("at" + suffix, e.at().toEpochMilli()).bind("kind" + suffix, e.kind().code())
                .bind("actor" + suffix, e.actor()).bind("from" + suffix, e.from().map(CommentState::code).orElse(""))
                .bind("to" + suffix, e.to().map(CommentState::code).orElse("")).bind("detail" + suffix, e.detail())
                .bind("p" + suffix, e.probability());
    }

    /** The histories of these replies, oldest line first. */
    public Map<Long, List<ReplyEvent>> of(Collection<Long> commentIds) {
        Map<Long, List<ReplyEvent>> out = new LinkedHashMap<>();
        if (commentIds.isEmpty()) return out;
        for (long id : commentIds) out.put(id, new ArrayList<>());
        reads.useHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM reply_event WHERE comment_id IN (<ids>)"
                        + " ORDER BY comment_id, id")
                .bindList("ids", List.copyOf(commentIds)).map(ReplyHistory::map)
                .forEach(e -> out.get(e.commentId()).add(e)));
        return out;
    }

    public List<ReplyEvent> of(long commentId) {
        return of(List.of(commentId)).get(commentId);
    }

    /** The latest line of a reply's history. */
    Optional<ReplyEvent> latest(Handle h, long commentId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM reply_event WHERE comment_id = :c ORDER BY id DESC LIMIT 1")
                .bind("c", commentId).map(ReplyHistory::map).findOne();
    }

    public Optional<ReplyEvent> find(long eventId) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM reply_event WHERE id = :id")
                .bind("id", eventId).map(ReplyHistory::map).findOne());
    }

    /** Whether this line is still the latest of its reply's history: nothing happened to the reply since. */
    public boolean isLatest(ReplyEvent e) {
        return reads.withHandle(h -> latest(h, e.commentId())).map(l -> l.id() == e.id()).orElse(false);
    }

    private static Optional<CommentState> state(String code) {
        return code == null || code.isEmpty() ? Optional.empty() : Optional.of(CommentState.ofCode(code));
    }

    static ReplyEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ReplyEvent(rs.getLong("id"), rs.getLong("comment_id"), Instant.ofEpochMilli(rs.getLong("at")),
                ReplyEvent.Kind.ofCode(rs.getString("kind")), rs.getString("actor"), state(rs.getString("from_state")),
                state(rs.getString("to_state")), rs.getString("detail"), rs.getDouble("probability"));
    }
}
