package dev.gazette.spam.eval;

import dev.gazette.spam.ShieldSettings;
import dev.gazette.spam.SpamShield;
import dev.gazette.spam.Submission;
import dev.gazette.spam.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The shield itself, trained either by {@link SpamShield#seed} (several passes, as
 * {@code gazette spam train} does) or one example at a time through {@link SpamShield#learn}.
 */
public final class ShieldBaseline implements Baseline {
    private final ShieldSettings settings;
    private final boolean online;

    /** The shield with default settings, seeded. */
    public ShieldBaseline() {
        this(ShieldSettings.defaults(), false);
    }

    /** The shield with the given settings; {@code online} trains by single-pass learn() calls. */
    public ShieldBaseline(ShieldSettings settings, boolean online) {
        this.settings = settings;
        this.online = online;
    }

    @Override
    public String name() {
        return online ? "shield (online, 1 pass)" : "shield";
    }

    @Override
    public Trained train(List<LabelledText> training, long seed) {
        SpamShield shield = SpamShield.inMemory(settings);
        if (online) {
            List<LabelledText> order = new ArrayList<>(training);
            Collections.shuffle(order, new Random(seed)); // a stream arrives mixed, not sorted by class
            for (LabelledText t : order) {
                shield.learn(Submission.of(t.text()), t.spam());
            }
        } else {
            shield.seed(training.stream().map(LabelledText::toExample).toList());
        }
        return text -> {
            Verdict v = shield.check(Submission.of(text));
            return new Prediction(v.isSpam(), v.spamProbability());
        };
    }
}
