package dev.gazette.spam;

import java.util.Arrays;

/**
 * The learned state: an FTRL logistic model and an online Naive Bayes over the same hashed text
 * slots, the settings, and how many of each class were seen.
 *
 * <p>The two are combined as in NBSVM (Wang and Manning 2012) and stacked: the logistic model
 * sees each text feature scaled by its NB log-count ratio, plus one more feature (slot
 * {@link #NB_SLOT}) holding the NB score of the whole text, and learns how far to trust both.
 * While it learns from an example, the NB counts never include that example (learn updates the
 * counts afterwards; seeding takes the example out again), otherwise the stacked model would learn
 * to trust NB's memory of the training texts instead of its judgement of new ones.
 */
final class ShieldModel {
    /** The slot of the NB score feature; slot 0 is the bias. */
    static final int NB_SLOT = 1;

    final LearnerSettings learner;
    final Ftrl ftrl;
    final NaiveBayes nb;
    long spamSeen;
    long hamSeen;

    ShieldModel(LearnerSettings learner) {
        this(learner, new double[1 << learner.hashBits()], new double[1 << learner.hashBits()],
                new float[1 << learner.hashBits()], new float[1 << learner.hashBits()], 0, 0, 0.5);
    }

    /** A model from its saved state: FTRL's z and n, the NB counts, the class totals and NB's frozen spam share. */
    ShieldModel(LearnerSettings learner, double[] z, double[] n, float[] spamCount, float[] hamCount, long spamSeen,
            long hamSeen, double frozenSpamShare) {
        float[] cache = new float[2 * z.length];
        this.learner = learner;
        this.ftrl = new Ftrl(learner, z, n, cache);
        this.nb = new NaiveBayes(spamCount, hamCount, spamSeen, hamSeen, frozenSpamShare, cache);
        this.spamSeen = spamSeen;
        this.hamSeen = hamSeen;
    }


    /** The values the logistic model sees for x, with the current counts. */
    float[] effective(FeatureVector x) {
        float[] v = Arrays.copyOf(x.value, x.size);
        double score = 0;
        for (int k = x.textFrom; k < x.textTo; k++) {
            double r = nb.ratio(x.index[k]);
            score += r * x.value[k];
            v[k] *= (float) r;
        }
        v[NB_SLOT] = (float) score;
        return v;
    }

    /** As {@link #effective(FeatureVector)}, with the counts as if this already counted example had not been. */
    private float[] effectiveWithout(FeatureVector x, boolean spam) {
        float[] v = Arrays.copyOf(x.value, x.size);
        double score = 0;
        for (int k = x.textFrom; k < x.textTo; k++) {
            double r = nb.ratioWithout(x.index[k], spam);
            score += r * x.value[k];
            v[k] *= (float) r;
        }
        v[NB_SLOT] = (float) score;
        return v;
    }

    /** The log-odds of spam: the logistic model over the effective values plus the rules' offset. */
    double margin(FeatureVector x, float[] effective, double offset) {
        return ftrl.margin(x.index, effective, x.size) + offset;
    }

    /** Learns one new example: the logistic model first (with counts not yet including it), then the counts. */
    void learn(FeatureVector x, double offset, boolean spam) {
        ftrl.update(x.index, effective(x), x.size, offset, spam);
        count(x, spam);
    }

    /** Adds an example to the counts only (the first seeding pass). */
    void count(FeatureVector x, boolean spam) {
        nb.update(x, spam);
        if (spam) {
            spamSeen++;
        } else {
            hamSeen++;
        }
    }

    /** One step of the logistic model on an example already counted (further seeding passes). */
    void train(FeatureVector x, double offset, boolean spam) {
        ftrl.update(x.index, effectiveWithout(x, spam), x.size, offset, spam);
    }
}
