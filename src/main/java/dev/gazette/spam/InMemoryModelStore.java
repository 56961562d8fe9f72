package dev.gazette.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A {@link ModelStore} in memory: for tests, evaluation and sites that retrain on start. */
public final class InMemoryModelStore implements ModelStore {
    private Snapshot snapshot;
    private long snapshotVersion;
    private final List<LogEntry> log = new ArrayList<>();
    private long lastSequence;

    @Override
    public synchronized Optional<Snapshot> latestSnapshot() {
        return Optional.ofNullable(snapshot);
    }

    @Override
    public synchronized OptionalLong saveSnapshot(Snapshot s, long expectedVersion) {
        if (expectedVersion != snapshotVersion) {
            return OptionalLong.empty();
        }
        snapshot = s;
        log.removeIf(e -> e.sequence() <= s.throughSequence());
        return OptionalLong.of(++snapshotVersion);
    }

    @Override
    public synchronized long snapshotVersion() {
        return snapshotVersion;
    }

    @Override
    public synchronized long append(byte[] example) {
        lastSequence++;
        log.add(new LogEntry(lastSequence, example.clone()));
        return lastSequence;
    }

    @Override
    public synchronized List<LogEntry> entriesAfter(long sequence) {
        List<LogEntry> out = new ArrayList<>();
        for (LogEntry e : log) {
            if (e.sequence() > sequence) {
                out.add(e);
            }
        }
        return out;
    }

    /** How many log entries are kept now (for tests of compaction). */
    public synchronized int logSize() {
        return log.size();
    }
}
