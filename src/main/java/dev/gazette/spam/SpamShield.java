package dev.gazette.spam;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The spam shield: {@link #check} screens a submission in three layers (certain signals, weighted
 * rules, an online classifier) and {@link #learn} teaches it from a moderator's decision. Safe for
 * concurrent use; checks run in parallel, learning is serialised.
 */
public final class SpamShield {
    private static final double MIN_REASON_WEIGHT = 0.05;
    private static final int RETRAIN_BATCH = 10_000;

    private final ShieldSettings settings;
    private final ModelStore store;
    private final Analyzer analyzer = new Analyzer();
    private final CertainRules certain;
    private final WeightedRules rules;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private ShieldModel model;
    private FeatureExtractor features;
    private long lastSequence;
    private int sinceSnapshot;
    /** The store's snapshot version this shield's model stands on: another means someone else saved. */
    private long knownSnapshotVersion;
    private Optional<String> setAside = Optional.empty();

    private SpamShield(ShieldSettings settings, ModelStore store) {
        this.settings = settings;
        this.store = store;
        this.certain = new CertainRules(settings);
        this.rules = new WeightedRules(settings);
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
        shield.load();
        return shield;
    }

    /** Loads the latest snapshot (or a fresh model) and replays the log since; under the write lock once shared. */
    private void load() throws InvalidModelException {
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
        apply(ExampleCodec.decode(e.example()));
        lastSequence = e.sequence();
        sinceSnapshot++;
    }

    /**
     * Takes in what others stored since this shield last looked: examples other nodes learned (in
     * log order, so every node ends with the same model), or a snapshot another node or a command
     * saved, which is then loaded with the log since. Sites call it every few seconds.
     *
     * @throws InvalidModelException if what is stored is damaged
     */
    public void catchUp() throws InvalidModelException {
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

    /**
     * Folds every lesson in the store's log (this shield's and others') into a snapshot, after which
     * the store may drop the log: it holds copies of the learned submissions, emails and IPs among
     * them, and the model holds only statistics. For a person's data being erased, and at least daily.
     */
    public void consolidate() {
        inStoreOrder(() -> { });
    }

    /** Whether lessons were learned (or taken in from others) since the last snapshot. */
    public boolean hasUnsavedLessons() {
        lock.readLock().lock();
        try {
            return sinceSnapshot > 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Why the stored model was set aside when this shield opened (an outdated format), if it was. */
    public Optional<String> setAside() {
        return setAside;
    }

    /** A shield over a fresh {@link InMemoryModelStore}. */
    public static SpamShield inMemory(ShieldSettings settings) {
        try {
            return open(settings, new InMemoryModelStore());
        } catch (InvalidModelException e) {
            throw new IllegalStateException("an empty store holds no damaged model", e);
        }
    }

    private void install(ShieldModel m) {
        this.model = m;
        this.features = new FeatureExtractor(m.learner.hashBits());
    }

    /** Screens one submission. Never throws for a valid {@link Submission}; the same model and input give the same verdict. */
    public Verdict check(Submission submission) {
        Objects.requireNonNull(submission, "submission");
        Analysis a = analyzer.analyze(submission);
        Optional<Reason> sure = certain.check(submission, a);
        if (sure.isPresent()) {
            return new Verdict(Decision.DISCARD, 1.0, false, List.of(sure.get()));
        }
        List<RuleHit> hits = rules.apply(submission, a);
        double offset = offset(hits);
        List<Reason> reasons = new ArrayList<>();
        double logit;
        boolean active;
        lock.readLock().lock();
        try {
            active = !abstains(model);
            if (active) {
                FeatureVector x = features.extract(submission, a, hits, true);
                float[] eff = model.effective(x);
                logit = model.margin(x, eff, offset);
                explain(x, eff, hits, reasons);
            } else {
                logit = settings.priorLogOdds() + offset;
                for (RuleHit h : hits) {
                    reasons.add(h.reason());
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        double p = Probability.sigmoid(logit);
        Decision d = active && p >= settings.discardThreshold() ? Decision.DISCARD
                : p >= settings.spamThreshold() ? Decision.SPAM : Decision.HAM;
        reasons.sort(Comparator.comparingDouble((Reason r) -> -Math.abs(r.weight())).thenComparing(Reason::text));
        List<Reason> top = new ArrayList<>(reasons.subList(0, Math.min(settings.maxReasons(), reasons.size())));
        if (!active && top.size() < Math.max(1, settings.maxReasons())) {
            top.add(new Reason("the classifier is still learning (" + model.spamSeen + " spam, " + model.hamSeen
                    + " ham so far), so only the rules decide", 0.0));
        }
        return new Verdict(d, p, active, top);
    }

    /** Teaches the shield one moderated submission; logged to the store before the model changes. */
    public void learn(Submission submission, boolean isSpam) {
        Objects.requireNonNull(submission, "submission");
        Example ex = new Example(submission, isSpam);
        byte[] encoded = ExampleCodec.encode(ex);
        Analysis a = analyzer.analyze(submission);
        List<RuleHit> hits = rules.apply(submission, a);
        lock.writeLock().lock();
        try {
            FeatureVector x = features.extract(submission, a, hits, false);
            long sequence = store.append(encoded);
            if (sequence == lastSequence + 1) {
                model.learn(x, offset(hits), isSpam);
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
     * Trains from a labelled collection (a corpus, or a site's moderated history) in several
     * shuffled passes, which an online stream cannot afford but a batch can, on top of what is
     * learned (including what other shields sharing the store learned); then snapshots.
     *
     * @throws IllegalStateException if other shields kept saving snapshots meanwhile, three times
     */
    public void seed(Collection<Example> examples) {
        List<Example> list = List.copyOf(examples);
        inStoreOrder(() -> train(list));
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
        inStoreOrder(() -> {
            install(new ShieldModel(settings.learner()));
            setAside = Optional.empty();
            List<Example> batch = new ArrayList<>();
            for (Example e : examples) {
                batch.add(e);
                if (batch.size() == RETRAIN_BATCH) {
                    train(batch);
                    batch.clear();
                }
            }
            train(batch);
        });
    }

    /**
     * Runs a change of the whole model against the store as it is now and saves it; when another
     * shield saved a snapshot meanwhile, starts again from that one rather than overwrite it.
     */
    private void inStoreOrder(Runnable change) {
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

    /** Several shuffled passes over the examples; the caller holds the write lock and snapshots. */
    private void train(List<Example> list) {
        List<FeatureVector> xs = new ArrayList<>(list.size());
        double[] offsets = new double[list.size()];
        for (int i = 0; i < list.size(); i++) {
            Submission s = list.get(i).submission();
            Analysis a = analyzer.analyze(s);
            List<RuleHit> hits = rules.apply(s, a);
            xs.add(null);
            offsets[i] = offset(hits);
        }
        LearnerSettings l = model.learner;
        Integer[] order = new Integer[list.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random rnd = new Random(l.seed());
        // Counting pass: Naive Bayes counts and class totals, in the given order (no shuffling needed).
        for (int i = 0; i < order.length; i++) {
            model.count(seedFeatures(list, xs, i), list.get(i).spam());
        }
        for (int epoch = 0; epoch < l.seedEpochs(); epoch++) {
            shuffle(order, rnd);
            for (int i : order) {
                model.train(seedFeatures(list, xs, i), offsets[i], list.get(i).spam());
            }
        }
    }

    private FeatureVector seedFeatures(List<Example> list, List<FeatureVector> xs, int i) {
        FeatureVector x = xs.get(i);
        if (x == null) {
            Submission s = list.get(i).submission();
            Analysis a = analyzer.analyze(s);
            x = features.extract(s, a, rules.apply(s, a), false);
            if (list.size() <= 50_000) {
                xs.set(i, x); // bounded memory: only small collections keep features between passes
            }
        }
        return x;
    }

    private static void shuffle(Integer[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Integer t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Writes the model in the versioned binary format that {@link #importModel} reads. */
    public void exportModel(OutputStream out) throws IOException {
        byte[] bytes;
        lock.readLock().lock();
        try {
            bytes = ModelCodec.encode(model);
        } finally {
            lock.readLock().unlock();
        }
        out.write(bytes);
        out.flush();
    }

    /**
     * Replaces the model with one read from {@code in} and snapshots it to the store.
     *
     * @throws InvalidModelException if the stream is not a shield model, of an unknown version, or damaged;
     *     the current model is then kept
     */
    public void importModel(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        ModelCodec.decode(bytes); // refused before anything changes
        inStoreOrder(() -> {
            try {
                install(ModelCodec.decode(bytes));
            } catch (InvalidModelException e) {
                throw new IllegalStateException("decoded once already", e);
            }
        });
    }

    /** Counts of what was learned. */
    public ShieldStats stats() {
        lock.readLock().lock();
        try {
            return new ShieldStats(model.spamSeen, model.hamSeen, abstains(model), lastSequence);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The settings this shield runs with. */
    public ShieldSettings settings() {
        return settings;
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

    private void apply(Example ex) {
        Submission s = ex.submission();
        Analysis a = analyzer.analyze(s);
        List<RuleHit> hits = rules.apply(s, a);
        model.learn(features.extract(s, a, hits, false), offset(hits), ex.spam());
    }

    private boolean abstains(ShieldModel m) {
        return m.spamSeen < settings.minExamplesPerClass() || m.hamSeen < settings.minExamplesPerClass();
    }

    private static double offset(List<RuleHit> hits) {
        double sum = 0;
        for (RuleHit h : hits) {
            sum += h.reason().weight();
        }
        return sum;
    }

    /**
     * Adds the rules' reasons, each with what the classifier learned about it, then the weightiest
     * words. Only the groups that can make the top {@code maxReasons} get their words built.
     */
    private void explain(FeatureVector x, float[] eff, List<RuleHit> hits, List<Reason> out) {
        int groups = x.groups.size();
        double[] byGroup = new double[groups];
        // A text feature also speaks through the stacked NB score (its NB-scaled value times that
        // score's weight): without this share a verdict decided by that score would name nothing.
        double nbWeight = model.ftrl.weight(ShieldModel.NB_SLOT);
        for (int k = 0; k < x.size; k++) {
            int g = x.group[k];
            if (g >= 0) {
                double w = model.ftrl.weight(x.index[k]) + (k >= x.textFrom && k < x.textTo ? nbWeight : 0.0);
                byGroup[g] += w * eff[k];
            }
        }
        double[] merged = mergeRepeatedGroups(x, byGroup);
        Map<String, Double> ruleLearned = new HashMap<>();
        for (int g = 0; g < groups; g++) {
            FeatureVector.Group group = x.groups.get(g);
            if (group.prefix().isEmpty() && !Double.isNaN(merged[g])) {
                ruleLearned.put(group.key(), merged[g]);
                merged[g] = Double.NaN;
            }
        }
        for (RuleHit h : hits) {
            double learned = ruleLearned.getOrDefault(h.reason().text(), 0.0);
            out.add(new Reason(h.reason().text(), h.reason().weight() + learned));
        }
        int[] candidates = new int[groups];
        int c = 0;
        for (int g = 0; g < groups; g++) {
            double w = merged[g];
            if (!Double.isNaN(w) && Math.abs(w) >= MIN_REASON_WEIGHT) {
                candidates[c++] = g;
            }
        }
        // The k-th largest |weight| among the candidates: a group below it can never be shown.
        int k = settings.maxReasons();
        double cutoff = 0;
        if (k == 0) {
            return;
        }
        if (c > k) {
            double[] mags = new double[c];
            for (int i = 0; i < c; i++) {
                mags[i] = Math.abs(merged[candidates[i]]);
            }
            java.util.Arrays.sort(mags);
            cutoff = mags[c - k];
        }
        for (int i = 0; i < c; i++) {
            int g = candidates[i];
            double w = merged[g];
            if (Math.abs(w) >= cutoff) {
                out.add(new Reason(x.label(g) + (w > 0 ? " counts toward spam" : " counts toward ham"), w));
            }
        }
    }

    /**
     * A word said twice is one reason: each group's weight is added to the first group with the
     * same key (found by slot, then confirmed word by word), which keeps first-seen order and so a
     * stable result. Later repeats become NaN.
     */
    private static double[] mergeRepeatedGroups(FeatureVector x, double[] byGroup) {
        int groups = byGroup.length;
        double[] merged = new double[groups];
        int[] table = FeatureVector.slotTable(groups); // first group with a slot, plus one; 0 is empty
        for (int g = 0; g < groups; g++) {
            int slot = x.groupSlot[g];
            int h = FeatureVector.home(slot, table.length);
            int at = -1;
            while (table[h] != 0) {
                int other = table[h] - 1;
                if (x.groupSlot[other] == slot && x.groups.get(other).sameAs(x.groups.get(g))) {
                    at = other;
                    break;
                }
                h = (h + 1) & (table.length - 1);
            }
            if (at < 0) {
                table[h] = g + 1;
                merged[g] += byGroup[g];
            } else {
                merged[at] += byGroup[g];
                merged[g] = Double.NaN;
            }
        }
        return merged;
    }
}
