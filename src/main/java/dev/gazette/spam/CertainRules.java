package dev.gazette.spam;

import java.util.Locale;
import java.util.Optional;

/** Signals certain enough to discard a reply at once, before any weighing. */
final class CertainRules {
    /** Weight shown for a certain signal: far beyond any weighed evidence. */
    static final double CERTAIN = 10.0;

    private final ShieldSettings settings;

    CertainRules(ShieldSettings settings) {
        this.settings = settings;
    }

    Optional<Reason> check(Submission s, Analysis a) {
        if (!s.honeypot().isBlank()) {
            return Optional.of(new Reason("the hidden honeypot field was filled in", CERTAIN));
        }
        if (s.secondsToPost().isPresent()) {
            double sec = s.secondsToPost().getAsDouble();
            if (sec >= 0 && sec < settings.minSecondsToPost()) {
                return Optional.of(new Reason(String.format(Locale.ROOT,
                        "posted %.1f s after the page loaded, faster than a person can type", sec), CERTAIN));
            }
        }
        for (String key : settings.disallowedKeys()) {
            if (a.text().lower().contains(key) || contains(s.content(), key) || contains(s.authorName(), key)
                    || contains(s.authorEmail(), key) || contains(s.authorUrl(), key) || contains(s.ip(), key)
                    || contains(s.userAgent(), key)) {
                return Optional.of(new Reason("contains the disallowed key '" + key + "'", CERTAIN));
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String field, String lowerKey) {
        return !field.isEmpty() && field.toLowerCase(Locale.ROOT).contains(lowerKey);
    }
}
