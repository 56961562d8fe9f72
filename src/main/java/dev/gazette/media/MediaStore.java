package dev.gazette.media;

import dev.gazette.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL for pictures' descriptions; the same statements run on SQLite and PostgreSQL. */
public final class MediaStore {
    private static final String COLUMNS = "id, alt, caption, credit, width, height, extension, widths, created_at";

    private final Jdbi reads;
    private final Jdbi writes;

    public MediaStore(Database db) {
        this.reads = db.reads();
        this.writes = db.writes();
    }

    /** Stores the picture unless one with its id is there already; true when this call stored it. */
    boolean insert(MediaItem m) {
        return writes.withHandle(h -> h.createUpdate("INSERT INTO media (" + COLUMNS + ") VALUES (:id, :alt, :caption,"
                        + " :credit, :width, :height, :extension, :widths, :created) ON CONFLICT (id) DO NOTHING")
                .bind("id", m.id()).bind("alt", m.alt()).bind("caption", m.caption()).bind("credit", m.credit())
                .bind("width", m.width()).bind("height", m.height()).bind("extension", m.extension())
                .bind("widths", m.widths().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .bind("created", m.createdAt().toEpochMilli())
                .execute() > 0);
    }

    /** Replaces what is said about a picture; false when there is no picture with this id. */
    boolean describe(String id, MediaText text) {
        return writes.withHandle(h -> h.createUpdate("UPDATE media SET alt = :alt, caption = :caption, credit = :credit"
                        + " WHERE id = :id")
                .bind("id", id).bind("alt", text.alt()).bind("caption", text.caption()).bind("credit", text.credit())
                .execute() > 0);
    }

    Optional<MediaItem> find(String id) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE id = :id")
                .bind("id", id).map(MediaStore::map).findOne());
    }

    List<MediaItem> recent(int offset, int limit) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media"
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset).map(MediaStore::map).list());
    }

    private static MediaItem map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MediaItem(rs.getString("id"), rs.getString("alt"), rs.getString("caption"), rs.getString("credit"),
                rs.getInt("width"), rs.getInt("height"), rs.getString("extension"),
                Arrays.stream(rs.getString("widths").split(",")).map(Integer::valueOf).toList(),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
