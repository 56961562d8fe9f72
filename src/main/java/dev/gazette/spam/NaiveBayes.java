package dev.gazette.spam;

/**
 * Online binarised Naive Bayes over the same hashed text slots as the logistic model: per slot,
 * in how many learned spam and ham texts it occurred. Its log-count ratio scales the text features
 * the logistic model sees (NBSVM, Wang and Manning 2012), so words and grams seen mostly in one
 * class weigh more from the first example on, which helps on short texts and small data.
 *
 * <p>The ratio is {@code r = log((s + 2a·πs) / (h + 2a·πh)) - log(πs / πh)}: the rate at which a
 * slot occurs in spam against ham, with pseudo-counts shared out by the class shares π. Plain
 * Laplace smoothing (a for each class) makes a slot never seen lean to the smaller class, which on
 * a real site (far more ham than spam, or the reverse) turns every new word into evidence; with
 * shares a slot never seen is exactly 0. π is frozen and all ratios are recomputed when the
 * class shares drift from it, so every ratio in the table uses the same π.
 */
final class NaiveBayes {
    final float[] spamCount;
    final float[] hamCount;
    /** Per slot the ratio r, at odd positions of the table shared with the weights (see {@link Ftrl}). */
    private final float[] cache;
    /** Total pseudo-count per slot (2a), shared between the classes by their shares. */
    static final double SMOOTHING = 1.0;
    /** How far (in log-odds) the class shares may drift from the frozen ones before the ratios are recomputed. */
    private static final double MAX_PRIOR_DRIFT = 0.1;
    long spamDocs;
    long hamDocs;
    /** The spam share the ratios were computed with, and what follows from it. */
    private double spamShare;
    private double spamPseudo;
    private double hamPseudo;
    private double logShareRatio;

    NaiveBayes(int slots, float[] cache) {
        this(new float[slots], new float[slots], 0, 0, 0.5, cache);
    }

    /** Counts and class totals as saved, with the spam share the ratios were frozen at, so a reload computes the same ratios. */
    NaiveBayes(float[] spamCount, float[] hamCount, long spamDocs, long hamDocs, double frozenSpamShare, float[] cache) {
        if (!(frozenSpamShare > 0 && frozenSpamShare < 1)) {
            throw new IllegalArgumentException("spam share must be in (0, 1): " + frozenSpamShare);
        }
        this.spamCount = spamCount;
        this.hamCount = hamCount;
        this.spamDocs = spamDocs;
        this.hamDocs = hamDocs;
        this.cache = cache;
        freeze(frozenSpamShare);
    }

    /** The spam share the current ratios were computed with. */
    double frozenSpamShare() {
        return spamShare;
    }

    /** The spam share of the examples counted, with one pseudo-example of each class so it is never 0 or 1. */
    private double currentShare() {
        return (spamDocs + 1.0) / (spamDocs + hamDocs + 2.0);
    }

    /** Recomputes every ratio with the given spam share; slots never seen stay 0. */
    private void freeze(double share) {
        spamShare = share;
        spamPseudo = 2 * SMOOTHING * share;
        hamPseudo = 2 * SMOOTHING * (1 - share);
        logShareRatio = Math.log(share / (1 - share));
        for (int i = 0; i < spamCount.length; i++) {
            cache[2 * i + 1] = spamCount[i] != 0f || hamCount[i] != 0f ? (float) ratioOf(spamCount[i], hamCount[i]) : 0f;
        }
    }

    private double ratioOf(double s, double h) {
        return Math.log((s + spamPseudo) / (h + hamPseudo)) - logShareRatio;
    }

    /** The log-count ratio of slot i: positive when it occurs at a higher rate in spam. */
    double ratio(int i) {
        return cache[2 * i + 1];
    }

    /**
     * The log-count ratio of slot i as if one example of the given class that contains it had not
     * been counted: what the ratio was before that example was learned (leave-one-out when seeding).
     */
    double ratioWithout(int i, boolean spam) {
        return ratioOf(spamCount[i] - (spam ? 1 : 0), hamCount[i] - (spam ? 0 : 1));
    }

    /** Counts the text slots [from, to) of x once each (they are distinct after merging). */
    void update(FeatureVector x, boolean spam) {
        float[] counts = spam ? spamCount : hamCount;
        for (int k = x.textFrom; k < x.textTo; k++) {
            int i = x.index[k];
            counts[i] += 1f;
            cache[2 * i + 1] = (float) ratioOf(spamCount[i], hamCount[i]);
        }
        if (spam) {
            spamDocs++;
        } else {
            hamDocs++;
        }
        double share = currentShare();
        if (Math.abs(Math.log(share / (1 - share)) - logShareRatio) > MAX_PRIOR_DRIFT) {
            freeze(share);
        }
    }
}
