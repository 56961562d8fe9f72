package dev.gazette.spam;

/**
 * FTRL-Proximal logistic regression (McMahan et al., KDD 2013) over hashed slots: per-coordinate
 * learning rates suit sparse text, and one example costs one pass over its features. Predictions
 * accept an offset, the rules' log-odds, which the model learns on top of.
 */
final class Ftrl {
    final double[] z;
    final double[] n;
    /**
     * The weights implied by z and n, kept current on update so a check costs no square roots;
     * as floats at even positions of a table shared with the Naive Bayes ratios (odd positions),
     * so that a check finds both numbers of a slot in one cache line.
     */
    private final float[] cache;
    private final double alpha;
    private final double beta;
    private final double l1;
    private final double l2;

    Ftrl(LearnerSettings s, double[] z, double[] n, float[] cache) {
        this.alpha = s.alpha();
        this.beta = s.beta();
        this.l1 = s.l1();
        this.l2 = s.l2();
        this.z = z;
        this.n = n;
        this.cache = cache;
        for (int i = 0; i < z.length; i++) {
            cache[2 * i] = z[i] != 0.0 ? (float) computeWeight(i) : 0f;
        }
    }

    double weight(int i) {
        return cache[2 * i];
    }

    private double computeWeight(int i) {
        return weightOf(z[i], Math.sqrt(n[i]));
    }

    /** The FTRL-Proximal closed form for one slot, given z and the square root of n. */
    private double weightOf(double zi, double rootN) {
        if (Math.abs(zi) <= l1) {
            return 0.0;
        }
        double sign = zi < 0 ? -1.0 : 1.0;
        return -(zi - sign * l1) / ((beta + rootN) / alpha + l2);
    }

    /** w·v over the given slots and values. */
    double margin(int[] index, float[] value, int size) {
        double sum = 0.0;
        for (int k = 0; k < size; k++) {
            sum += cache[2 * index[k]] * value[k];
        }
        return sum;
    }

    /** One FTRL step on the given slots and values; offset is added to the margin (and not learned). */
    void update(int[] index, float[] value, int size, double offset, boolean spam) {
        double p = Probability.sigmoid(margin(index, value, size) + offset);
        double g = p - (spam ? 1.0 : 0.0);
        for (int k = 0; k < size; k++) {
            int i = index[k];
            double gi = g * value[k];
            double ni = n[i];
            double rootBefore = Math.sqrt(ni);
            double rootAfter = Math.sqrt(ni + gi * gi);
            double sigma = (rootAfter - rootBefore) / alpha;
            z[i] += gi - sigma * weightOf(z[i], rootBefore); // the weight before this step, in full precision
            n[i] = ni + gi * gi;
            cache[2 * i] = (float) weightOf(z[i], rootAfter);
        }
    }
}
