package dev.gazette.media;

import dev.gazette.store.Database;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Variants in the database (bytea on PostgreSQL): every node reads the same pictures with nothing else to run. */
public final class DatabaseMediaFiles implements MediaFiles {
    private final Jdbi reads;
    private final Jdbi writes;

    public DatabaseMediaFiles(Database db) {
        this.reads = db.reads();
        this.writes = db.writes();
    }

    @Override
    public void put(String name, byte[] bytes) {
        writes.useHandle(h -> h.createUpdate("INSERT INTO media_file (name, content) VALUES (:name, :content)"
                        + " ON CONFLICT (name) DO NOTHING")
                .bind("name", MediaFiles.checked(name)).bind("content", bytes).execute());
    }

    @Override
    public Optional<byte[]> get(String name) {
        return reads.withHandle(h -> h.createQuery("SELECT content FROM media_file WHERE name = :name")
                .bind("name", MediaFiles.checked(name)).mapTo(byte[].class).findOne());
    }
}
