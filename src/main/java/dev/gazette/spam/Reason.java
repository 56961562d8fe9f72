package dev.gazette.spam;

import java.util.Locale;
import java.util.Objects;

/**
 * One explanation a moderator can read, with a signed weight: positive pushes toward spam,
 * negative toward ham. Weights are in log-odds, so they add up.
 */
public record Reason(String text, double weight) {
    public Reason {
        Objects.requireNonNull(text, "reason text must not be null");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("reason weight must be finite: " + text);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%+.1f)", text, weight);
    }
}
