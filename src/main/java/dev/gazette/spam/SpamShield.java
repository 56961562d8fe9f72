package dev.gazette.spam;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The spam shield: {@link #check} screens a submission in three layers (certain signals, weighted
 * rules, an online classifier) and {@link #learn} teaches it from a moderator's decision. Safe for
 * concurrent use; checks run in parallel, learning is serialised.
 *
 * <p>The work is done by parts of their own: {@link ShieldCheck} (checking and its reasons), {@link ModelSync}
 * (the model in step with the store), {@link BatchTrainer} (seeding and retraining) and {@link ModelTransfer}
 * (import and export).
 */
public final class SpamShield {
    private static final int RETRAIN_BATCH = 10_000;

    private final ShieldSettings settings;
    private final ModelSync sync;
    private final ShieldCheck checker;
    private final BatchTrainer trainer;
    private final ModelTransfer transfer;

    private SpamShield(ShieldSettings settings, ModelStore store) {
        this.settings = settings;
        Screener screener = new Screener(settings);
        this.sync = new ModelSync(settings, store, screener);
        this.checker = new ShieldCheck(settings, screener, sync);
        this.trainer = new BatchTrainer(screener);
        this.transfer = new ModelTransfer(sync);
    }

    /**
     * Opens a shield over a store: loads the latest snapshot and replays the log since, or starts
     * an empty model on a fresh store. A snapshot an earlier Gazette wrote in a format this one no
     * longer reads is set aside: the shield starts afresh (the rules decide until it has learned
     * enough), replays the log, and {@link #setAside()} says why; the next snapshot replaces it.
     *
     * @throws InvalidModelException if the stored snapshot or a log entry is damaged
     */
    public static SpamShield open(ShieldSettings settings, ModelStore store) throws InvalidModelException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(store, "store");
        SpamShield shield = new SpamShield(settings, store);
        shield.sync.load();
        return shield;
    }

    /** A shield over a fresh {@link InMemoryModelStore}. */
    public static SpamShield inMemory(ShieldSettings settings) {
        try {
            return open(settings, new InMemoryModelStore());
        } catch (InvalidModelException e) {
            throw new IllegalStateException("an empty store holds no damaged model", e);
        }
    }

    /**
     * Takes in what others stored since this shield last looked: examples other nodes learned (in
     * log order, so every node ends with the same model), or a snapshot another node or a command
     * saved, which is then loaded with the log since. Sites call it every few seconds.
     *
     * @throws InvalidModelException if what is stored is damaged
     */
    public void catchUp() throws InvalidModelException {
        sync.catchUp();
    }

    /**
     * Folds every lesson in the store's log (this shield's and others') into a snapshot, after which
     * the store may drop the log: it holds copies of the learned submissions, emails and IPs among
     * them, and the model holds only statistics. For a person's data being erased, and at least daily.
     */
    public void consolidate() {
        sync.inStoreOrder(() -> { });
    }

    /** Whether lessons were learned (or taken in from others) since the last snapshot. */
    public boolean hasUnsavedLessons() {
        return sync.hasUnsavedLessons();
    }

    /** Why the stored model was set aside when this shield opened (an outdated format), if it was. */
    public Optional<String> setAside() {
        return sync.setAside();
    }

    /** Screens one submission. Never throws for a valid {@link Submission}; the same model and input give the same verdict. */
    public Verdict check(Submission submission) {
        return checker.check(submission);
    }

    /** Teaches the shield one moderated submission; logged to the store before the model changes. */
    public void learn(Submission submission, boolean isSpam) {
        Objects.requireNonNull(submission, "submission");
        sync.learn(submission, isSpam);
    }

    /**
     * Trains from a labelled collection (a corpus, or a site's moderated history) in several
     * shuffled passes, which an online stream cannot afford but a batch can, on top of what is
     * learned (including what other shields sharing the store learned); then snapshots.
     *
     * @throws IllegalStateException if other shields kept saving snapshots meanwhile, three times
     */
    public void seed(Collection<Example> examples) {
        List<Example> list = List.copyOf(examples);
        sync.inStoreOrder(() -> trainer.train(sync.model(), sync.features(), list));
    }

    /**
     * Replaces what is learned with a model trained afresh from the examples, read in batches of
     * 10,000 (each trained in several passes) and snapshotted once at the end, so no shield sharing
     * the store ever loads half of it. Lessons stored before are dropped from the store: for
     * retraining from a site's whole history, which already holds them.
     *
     * @throws IllegalStateException if other shields kept saving snapshots meanwhile, three times
     */
    public void retrain(Iterable<Example> examples) {
        sync.inStoreOrder(() -> {
            sync.startAfresh();
            List<Example> batch = new ArrayList<>();
            for (Example e : examples) {
                batch.add(e);
                if (batch.size() == RETRAIN_BATCH) {
                    trainer.train(sync.model(), sync.features(), batch);
                    batch.clear();
                }
            }
            trainer.train(sync.model(), sync.features(), batch);
        });
    }

    /** Writes the model in the versioned binary format that {@link #importModel} reads. */
    public void exportModel(OutputStream out) throws IOException {
        transfer.exportModel(out);
    }

    /**
     * Replaces the model with one read from {@code in} and snapshots it to the store.
     *
     * @throws InvalidModelException if the stream is not a shield model, of an unknown version, or damaged;
     *     the current model is then kept
     */
    public void importModel(InputStream in) throws IOException {
        transfer.importModel(in);
    }

    /** Counts of what was learned. */
    public ShieldStats stats() {
        return sync.stats();
    }

    /** The settings this shield runs with. */
    public ShieldSettings settings() {
        return settings;
    }
}
