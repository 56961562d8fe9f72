package dev.gazette.spam;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the shield keeps what it learned, so a restart loses nothing: the latest snapshot of the
 * model plus an append-only log of examples learned since, which is replayed on load.
 *
 * <p>An implementation (an SQL table pair, say) must: make {@link #append} durable before it
 * returns and number entries strictly increasing; return entries in that order; and make
 * {@link #saveSnapshot} atomic (the old snapshot stays until the new one is complete), after which
 * it may delete log entries up to {@link Snapshot#throughSequence()}. Payloads are opaque bytes.
 * The shield calls these methods one at a time (under its own lock); several shields (nodes, or a
 * command beside a running site) may share one store, and each follows the others through the log
 * and {@link #snapshotVersion()}.
 */
public interface ModelStore {

    /** The latest snapshot, or empty on a fresh install. */
    Optional<Snapshot> latestSnapshot();

    /**
     * Saves a snapshot that includes every log entry up to and including {@code throughSequence}
     * if the stored one is still at {@code expectedVersion} (0: none yet), and returns the new
     * version; saves nothing and returns empty when another shield saved one since (compare and set).
     */
    OptionalLong saveSnapshot(Snapshot snapshot, long expectedVersion);

    /** A number that changes with every snapshot saved, by anyone; 0 while there is none. Cheap to ask. */
    long snapshotVersion();

    /** Appends one learned example and returns its sequence number, greater than any before. */
    long append(byte[] example);

    /** The log entries with a sequence number greater than {@code sequence}, in order. */
    List<LogEntry> entriesAfter(long sequence);

    /** A serialised model and the last log entry it includes (0 when none). */
    record Snapshot(byte[] model, long throughSequence) {
        public Snapshot {
            Objects.requireNonNull(model, "model");
            model = model.clone();
        }

        @Override
        public byte[] model() {
            return model.clone();
        }
    }

    /** One learned example as stored. */
    record LogEntry(long sequence, byte[] example) {
        public LogEntry {
            Objects.requireNonNull(example, "example");
        }
    }
}
