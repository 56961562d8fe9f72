package dev.gazette.spam;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;

/**
 * The shield's model kept in step with its {@link ModelStore}: loading the latest snapshot and the log since,
 * catching up with what other shields sharing the store learned, appending this shield's lessons in log order, and
 * saving snapshots only over the version it stands on (compare-and-set). Owns the lock every reader and writer takes.
 */
final class ModelSync {
    private final ShieldSettings settings;
    private final ModelStore store;
    private final Screener screener;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private ShieldModel model;
    private FeatureExtractor features;
    private long lastSequence;
    private int sinceSnapshot;
    /** The store's snapshot version this shield's model stands on: another means someone else saved. */
    private long knownSnapshotVersion;
    private Optional<String> setAside = Optional.empty();

    ModelSync(ShieldSettings settings, ModelStore store, Screener screener) {
        this.settings = settings;
        this.store = store;
        this.screener = screener;
    }

    /** Loads the latest snapshot (or a fresh model) and replays the log since; under the write lock once shared. */
    void load() throws InvalidModelException {
        long version = store.snapshotVersion(); // read first: a snapshot saved meanwhile is then loaded again later
        Optional<ModelStore.Snapshot> snap = store.latestSnapshot();
        ShieldModel m = new ShieldModel(settings.learner());
        Optional<String> aside = Optional.empty();
        if (snap.isPresent()) {
            try {
                m = ModelCodec.decode(snap.get().model());
            } catch (InvalidModelException e) {
                if (!e.outdated()) {
                    throw e;
                }
                aside = Optional.of(e.getMessage());
            }
        }
        install(m);
        setAside = aside;
        knownSnapshotVersion = version;
        lastSequence = snap.map(ModelStore.Snapshot::throughSequence).orElse(0L);
        sinceSnapshot = 0;
        for (ModelStore.LogEntry e : store.entriesAfter(lastSequence)) {
            applyEntry(e);
        }
    }

    private void applyEntry(ModelStore.LogEntry e) throws InvalidModelException {
        Example ex = ExampleCodec.decode(e.example());
        Screener.Lesson lesson = screener.lesson(ex.submission(), features);
        model.learn(lesson.x(), lesson.offset(), ex.spam());
        lastSequence = e.sequence();
        sinceSnapshot++;
    }

    /** See {@link SpamShield#catchUp}. */
    void catchUp() throws InvalidModelException {
        if (nothingNew()) {
            return;
        }
        lock.writeLock().lock();
        try {
            catchUpLocked();
            snapshotIfDue();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The periodic snapshot. When another shield saved one since this one last looked (a command
     * that trained the model, say), that one is loaded instead, so it is built on, not overwritten.
     */
    private void snapshotIfDue() throws InvalidModelException {
        if (sinceSnapshot >= settings.snapshotEvery() && !snapshot()) {
            load(); // another shield's snapshot holds every lesson up to its sequence, the log the rest
        }
    }

    /**
     * Whether the store holds nothing this shield has not taken in: the usual answer, found without
     * the write lock, so that checks need not wait for the queries.
     */
    private boolean nothingNew() {
        long version;
        long sequence;
        lock.readLock().lock();
        try {
            version = knownSnapshotVersion;
            sequence = lastSequence;
        } finally {
            lock.readLock().unlock();
        }
        return store.snapshotVersion() == version && store.entriesAfter(sequence).isEmpty()
                && store.snapshotVersion() == version;
    }

    private void catchUpLocked() throws InvalidModelException {
        long version = store.snapshotVersion();
        if (version == knownSnapshotVersion) {
            List<ModelStore.LogEntry> entries = store.entriesAfter(lastSequence);
            // A snapshot saved while the log was read may have removed entries this shield never saw.
            if (store.snapshotVersion() == version) {
                for (ModelStore.LogEntry e : entries) {
                    applyEntry(e);
                }
                return;
            }
        }
        load();
    }

    /** Appends one lesson to the store's log, then learns it, after any lessons other shields logged first. */
    void learn(Submission submission, boolean isSpam) {
        byte[] encoded = ExampleCodec.encode(new Example(submission, isSpam));
        Analysis a = screener.analyze(submission);
        List<RuleHit> hits = screener.hits(submission, a);
        lock.writeLock().lock();
        try {
            FeatureVector x = features.extract(submission, a, hits, false);
            long sequence = store.append(encoded);
            if (sequence == lastSequence + 1) {
                model.learn(x, Screener.offset(hits), isSpam);
                lastSequence = sequence;
                sinceSnapshot++;
            } else {
                catchUpLocked(); // another node learned in between: its examples first, then this one, in log order
            }
            snapshotIfDue();
        } catch (InvalidModelException e) {
            throw new IllegalStateException("the shield's store holds a damaged entry: " + e.getMessage(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Runs a change of the whole model against the store as it is now and saves it; when another
     * shield saved a snapshot meanwhile, starts again from that one rather than overwrite it.
     */
    void inStoreOrder(Runnable change) {
        lock.writeLock().lock();
        try {
            for (int attempt = 1; ; attempt++) {
                catchUpLocked();
                change.run();
                if (snapshot()) {
                    return;
                }
                if (attempt == 3) {
                    load();
                    throw new IllegalStateException("other shields sharing the store kept saving their models while"
                            + " this one trained; nothing was saved, run it again");
                }
                load();
            }
        } catch (InvalidModelException e) {
            throw new IllegalStateException("the shield's store holds a damaged model or entry: " + e.getMessage(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Saves the model unless another shield saved a snapshot since this one last looked; says whether it did. */
    private boolean snapshot() {
        OptionalLong saved = store.saveSnapshot(new ModelStore.Snapshot(ModelCodec.encode(model), lastSequence),
                knownSnapshotVersion);
        if (saved.isEmpty()) {
            return false;
        }
        knownSnapshotVersion = saved.getAsLong();
        sinceSnapshot = 0;
        return true;
    }

    /** Puts a model in place, with features sized for it; the caller holds the write lock (or is opening). */
    void install(ShieldModel m) {
        this.model = m;
        this.features = new FeatureExtractor(m.learner.hashBits());
    }

    /** Starts from an empty model; within {@link #inStoreOrder}. */
    void startAfresh() {
        install(new ShieldModel(settings.learner()));
        setAside = Optional.empty();
    }

    /** Reads the model and its features under the read lock: checks run in parallel. */
    <T> T read(BiFunction<ShieldModel, FeatureExtractor, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(model, features);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The model and its features, for a change within {@link #inStoreOrder}, which holds the write lock. */
    ShieldModel model() {
        return model;
    }

    FeatureExtractor features() {
        return features;
    }

    boolean hasUnsavedLessons() {
        lock.readLock().lock();
        try {
            return sinceSnapshot > 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    Optional<String> setAside() {
        return setAside;
    }

    ShieldStats stats() {
        lock.readLock().lock();
        try {
            return new ShieldStats(model.spamSeen, model.hamSeen, settings.abstains(model), lastSequence);
        } finally {
            lock.readLock().unlock();
        }
    }
}
