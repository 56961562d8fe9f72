package dev.gazette.ops;

import dev.gazette.spam.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** Counts the spam shield's verdicts on replies by decision (ham, spam, discard). */
public final class ShieldVerdicts {
    private final MeterRegistry registry;

    public ShieldVerdicts(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the verdict and hands it on unchanged. */
    public Verdict count(Verdict verdict) {
        Counter.builder("gazette.shield.verdicts").description("The spam shield's verdicts on replies")
                .tag("decision", verdict.decision().name().toLowerCase(Locale.ROOT)).register(registry).increment();
        return verdict;
    }
}
