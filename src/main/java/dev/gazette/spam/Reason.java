package dev.gazette.spam;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * The text and the weight signed, to one decimal rounded half up, as {@code "%s (%+.1f)"} writes it. Every stored
     * reply keeps its reasons in this form; the formatter looked up locale symbols on each call.
     */
    @Override
    public String toString() {
        BigDecimal magnitude = BigDecimal.valueOf(Math.abs(weight)).setScale(1, RoundingMode.HALF_UP);
        boolean negative = weight < 0 || (weight == 0 && 1 / weight < 0);
        return text + " (" + (negative ? '-' : '+') + magnitude.toPlainString() + ")";
    }
}
