package dev.gazette.spam;

/**
 * FTRL-Proximal logistic regression (McMahan et al., KDD 2013) over hashed slots: per-coordinate
 * learning rates suit sparse text, and one example costs one pass over its features. Predictions
 * accept an offset, the rules' log-odds, which the model learns on top of.
 */
final class Ftrl {
    final double[] z;
    final double[] n;
    /** The weights implied by z and n, kept current on update so a check costs no square roots. */
    private final double[] w;
    private final double alpha;
    private final double beta;
    private final double l1;
    private final double l2;

    Ftrl(LearnerSettings s) {
        this(s, new double[1 << s.hashBits()], new double[1 << s.hashBits()]);
    }

    Ftrl(LearnerSettings s, double[] z, double[] n) {
        this.alpha = s.alpha();
        this.beta = s.beta();
        this.l1 = s.l1();
        this.l2 = s.l2();
        this.z = z;
        this.n = n;
        this.w = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            if (z[i] != 0.0) {
                w[i] = computeWeight(i);
            }
        }
    }

    double weight(int i) {
        return w[i];
    }

    private double computeWeight(int i) {
        double zi = z[i];
        if (Math.abs(zi) <= l1) {
            return 0.0;
        }
        double sign = zi < 0 ? -1.0 : 1.0;
        return -(zi - sign * l1) / ((beta + Math.sqrt(n[i])) / alpha + l2);
    }

    /** w·x, summed in feature order so the same input always gives the same bits. */
    double margin(FeatureVector x) {
        double sum = 0.0;
        for (int k = 0; k < x.size; k++) {
            sum += w[x.index[k]] * x.value[k];
        }
        return sum;
    }

    /** w·v over the given slots and values. */
    double margin(int[] index, float[] value, int size) {
        double sum = 0.0;
        for (int k = 0; k < size; k++) {
            sum += w[index[k]] * value[k];
        }
        return sum;
    }

    void update(FeatureVector x, double offset, boolean spam) {
        update(x.index, x.value, x.size, offset, spam);
    }

    /** One FTRL step on the given slots and values; offset is added to the margin (and not learned). */
    void update(int[] index, float[] value, int size, double offset, boolean spam) {
        double p = Probability.sigmoid(margin(index, value, size) + offset);
        double g = p - (spam ? 1.0 : 0.0);
        for (int k = 0; k < size; k++) {
            int i = index[k];
            double gi = g * value[k];
            double ni = n[i];
            double sigma = (Math.sqrt(ni + gi * gi) - Math.sqrt(ni)) / alpha;
            z[i] += gi - sigma * w[i];
            n[i] = ni + gi * gi;
            w[i] = computeWeight(i);
        }
    }
}
