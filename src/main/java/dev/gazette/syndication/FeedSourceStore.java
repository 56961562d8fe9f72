package dev.gazette.syndication;

import dev.gazette.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The SQL for agency feed sources. */
public final class FeedSourceStore {
    private static final String COLUMNS = "id, url, outlet, agency, section, poll_minutes, publish, etag, last_modified,"
            + " next_poll_at, last_polled_at, failures, last_error, last_added";
    private final Jdbi reads;
    private final Jdbi writes;

    public FeedSourceStore(Database db) {
        this.reads = db.reads();
        this.writes = db.writes();
    }

    long insert(String url, String outlet, String agency, String section, int pollMinutes, boolean publish, Instant now) {
        return writes.withHandle(h -> h.createQuery("INSERT INTO feed_source (url, outlet, agency, section, poll_minutes,"
                        + " publish, next_poll_at) VALUES (:url, :outlet, :agency, :section, :poll, :publish, :now) RETURNING id")
                .bind("url", url).bind("outlet", outlet).bind("agency", agency).bind("section", section)
                .bind("poll", pollMinutes).bind("publish", publish ? 1 : 0).bind("now", now.toEpochMilli())
                .mapTo(Long.class).one());
    }

    List<FeedSource> all() {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feed_source ORDER BY id")
                .map((rs, ctx) -> map(rs)).list());
    }

    Optional<FeedSource> find(long id) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feed_source WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    List<FeedSource> due(Instant now) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feed_source WHERE next_poll_at <= :now"
                        + " ORDER BY next_poll_at")
                .bind("now", now.toEpochMilli()).map((rs, ctx) -> map(rs)).list());
    }

    void polled(long id, String etag, String lastModified, int added, Instant now, Instant next) {
        writes.useHandle(h -> h.createUpdate("UPDATE feed_source SET etag = :etag, last_modified = :lm, last_added = :added,"
                        + " failures = 0, last_error = '', last_polled_at = :now, next_poll_at = :next WHERE id = :id")
                .bind("etag", etag).bind("lm", lastModified).bind("added", added).bind("now", now.toEpochMilli())
                .bind("next", next.toEpochMilli()).bind("id", id).execute());
    }

    void failed(long id, String error, Instant now, Instant next) {
        writes.useHandle(h -> h.createUpdate("UPDATE feed_source SET failures = failures + 1, last_error = :error,"
                        + " last_polled_at = :now, next_poll_at = :next WHERE id = :id")
                .bind("error", error).bind("now", now.toEpochMilli()).bind("next", next.toEpochMilli()).bind("id", id)
                .execute());
    }

    void pollNow(long id, Instant now) {
        writes.useHandle(h -> h.createUpdate("UPDATE feed_source SET next_poll_at = :now WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("id", id).execute());
    }

    void delete(long id) {
        writes.useHandle(h -> h.createUpdate("DELETE FROM feed_source WHERE id = :id").bind("id", id).execute());
    }

    private static FeedSource map(ResultSet rs) throws SQLException {
        long polled = rs.getLong("last_polled_at");
        return new FeedSource(rs.getLong("id"), rs.getString("url"), rs.getString("outlet"), rs.getString("agency"),
                rs.getString("section"), rs.getInt("poll_minutes"), rs.getInt("publish") != 0, rs.getString("etag"),
                rs.getString("last_modified"), Instant.ofEpochMilli(rs.getLong("next_poll_at")),
                polled == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(polled)), rs.getInt("failures"),
                rs.getString("last_error"), rs.getInt("last_added"));
    }
}
