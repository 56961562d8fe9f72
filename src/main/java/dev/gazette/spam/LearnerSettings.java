package dev.gazette.spam;

/**
 * The online classifier's settings (FTRL-Proximal logistic regression over hashed features).
 *
 * @param hashBits log2 of the number of weight slots; memory is 16 bytes per slot
 * @param alpha FTRL learning rate
 * @param beta FTRL learning-rate smoothing
 * @param l1 L1 regularisation (sparsity)
 * @param l2 L2 regularisation
 * @param seedEpochs passes over the examples when seeding from a labelled collection
 * @param seed shuffling seed for those passes, so seeding is reproducible
 */
public record LearnerSettings(int hashBits, double alpha, double beta, double l1, double l2, int seedEpochs, long seed) {
    public LearnerSettings {
        if (hashBits < 10 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits must be in [10,24]: " + hashBits);
        }
        if (!(alpha > 0) || !(beta >= 0) || !(l1 >= 0) || !(l2 >= 0) || seedEpochs < 1
                || !Double.isFinite(alpha + beta + l1 + l2)) {
            throw new IllegalArgumentException("finite alpha > 0, beta/l1/l2 >= 0 and seedEpochs >= 1 required");
        }
    }

    /** The settings chosen by measurement; see docs/shield.md. */
    public static LearnerSettings defaults() {
        return new LearnerSettings(20, 1.0, 1.0, 0.0, 0.0, 20, 42L);
    }
}
