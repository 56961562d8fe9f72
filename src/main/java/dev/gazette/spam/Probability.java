package dev.gazette.spam;

/** Log-odds arithmetic. */
final class Probability {
    private Probability() {
    }

    static double sigmoid(double logit) {
        if (logit >= 0) {
            return 1.0 / (1.0 + Math.exp(-logit));
        }
        double e = Math.exp(logit);
        return e / (1.0 + e);
    }
}
