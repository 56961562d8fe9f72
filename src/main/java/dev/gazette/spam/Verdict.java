package dev.gazette.spam;

import java.util.List;
import java.util.Objects;

/**
 * The shield's answer: a decision, the probability that the submission is spam, whether the
 * learned classifier took part (it abstains until trained), and the strongest reasons first.
 */
public record Verdict(Decision decision, double spamProbability, boolean classifierUsed, List<Reason> reasons) {
    public Verdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reasons, "reasons");
        if (!(spamProbability >= 0.0 && spamProbability <= 1.0)) {
            throw new IllegalArgumentException("probability must be in [0,1]: " + spamProbability);
        }
        reasons = List.copyOf(reasons);
    }

    /**
     * True when a certain signal decided (a filled honeypot, a form sent too fast, a disallowed key): the only
     * DISCARD made without the classifier, since the rules alone never discard.
     */
    public boolean certain() {
        return decision == Decision.DISCARD && !classifierUsed;
    }

    /** True for SPAM and DISCARD. */
    public boolean isSpam() {
        return decision != Decision.HAM;
    }
}
