package dev.gazette.spam;

/**
 * Online binarised Naive Bayes over the same hashed text slots as the logistic model: per slot,
 * in how many learned spam and ham texts it occurred. Its log-count ratio
 * {@code r = log((s+a)/(S+2a)) - log((h+a)/(H+2a))} scales the text features the logistic model
 * sees (NBSVM, Wang and Manning 2012), so words and grams seen mostly in one class weigh more
 * from the first example on, which helps on short texts and small data.
 */
final class NaiveBayes {
    final float[] spamCount;
    final float[] hamCount;
    /** Per slot log((s+a)/(h+a)) at odd positions of the table shared with the weights (see {@link Ftrl}). */
    private final float[] cache;
    /** Additive smoothing of the counts (Laplace), as in NBSVM. */
    static final double SMOOTHING = 1.0;
    private final double smoothing = SMOOTHING;
    long spamDocs;
    long hamDocs;
    /** log((H+2a)/(S+2a)): the part of every ratio that depends only on the class totals. */
    private double shift;

    NaiveBayes(int slots, float[] cache) {
        this(new float[slots], new float[slots], 0, 0, cache);
    }

    NaiveBayes(float[] spamCount, float[] hamCount, long spamDocs, long hamDocs, float[] cache) {
        this.spamCount = spamCount;
        this.hamCount = hamCount;
        this.spamDocs = spamDocs;
        this.hamDocs = hamDocs;
        this.cache = cache;
        for (int i = 0; i < spamCount.length; i++) {
            cache[2 * i + 1] = spamCount[i] != 0f || hamCount[i] != 0f ? computeRatio(i) : 0f;
        }
        updateShift();
    }

    private float computeRatio(int i) {
        return (float) Math.log((spamCount[i] + smoothing) / (hamCount[i] + smoothing));
    }

    private void updateShift() {
        shift = Math.log((hamDocs + 2 * smoothing) / (spamDocs + 2 * smoothing));
    }

    /** The log-count ratio of slot i: positive when it occurs more often in spam. */
    double ratio(int i) {
        return cache[2 * i + 1] + shift;
    }

    /**
     * The log-count ratio of slot i as if one example of the given class that contains it had not
     * been counted: what the ratio was before that example was learned (leave-one-out when seeding).
     */
    double ratioWithout(int i, boolean spam) {
        double s = spamCount[i] - (spam ? 1 : 0);
        double h = hamCount[i] - (spam ? 0 : 1);
        double sd = spamDocs - (spam ? 1 : 0);
        double hd = hamDocs - (spam ? 0 : 1);
        return Math.log((s + smoothing) / (h + smoothing)) + Math.log((hd + 2 * smoothing) / (sd + 2 * smoothing));
    }

    /** Counts the text slots [from, to) of x once each (they are distinct after merging). */
    void update(FeatureVector x, boolean spam) {
        float[] counts = spam ? spamCount : hamCount;
        for (int k = x.textFrom; k < x.textTo; k++) {
            int i = x.index[k];
            counts[i] += 1f;
            cache[2 * i + 1] = computeRatio(i);
        }
        if (spam) {
            spamDocs++;
        } else {
            hamDocs++;
        }
        updateShift();
    }
}
