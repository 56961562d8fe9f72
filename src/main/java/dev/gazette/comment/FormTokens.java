package dev.gazette.comment;

import dev.gazette.store.SiteSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The signed token in every reply form: when the form was shown and for which article. It tells the shield how
 * long the reader took, and tells the site the form came from its own page.
 */
public final class FormTokens {
    static final Duration MAX_AGE = Duration.ofDays(1);

    private final SiteSecret secret;
    private final Clock clock;
    private final double minSecondsToPost;

    /** @param minSecondsToPost a form sent sooner than this after it was shown was not written by a person */
    public FormTokens(SiteSecret secret, Clock clock, double minSecondsToPost) {
        this.secret = secret;
        this.clock = clock;
        this.minSecondsToPost = minSecondsToPost;
    }

    /** True when a form came back sooner after it was shown than a person writes one. */
    boolean tooSoon(double secondsSinceShown) {
        return secondsSinceShown < minSecondsToPost;
    }

    String issue(long articleId) {
        String payload = clock.millis() + "." + articleId;
        return payload + "." + secret.sign("form:" + payload);
    }

    /** Seconds since the form was shown, or empty when the token is missing, forged, stale or for another article. */
    OptionalDouble secondsSinceShown(String token, long articleId) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) return OptionalDouble.empty();
        if (!secret.verify("form:" + parts[0] + "." + parts[1], parts[2])) return OptionalDouble.empty();
        try {
            if (Long.parseLong(parts[1]) != articleId) return OptionalDouble.empty();
            Instant shown = Instant.ofEpochMilli(Long.parseLong(parts[0]));
            Duration age = Duration.between(shown, clock.instant());
            if (age.isNegative() || age.compareTo(MAX_AGE) > 0) return OptionalDouble.empty();
            return OptionalDouble.of(age.toMillis() / 1000.0);
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
