package dev.gazette.akismet;

import java.time.Duration;

/**
 * @param requestsPerMinute how many calls one key may make per minute on one node (a minute's worth may burst)
 * @param retention         how long what a check received is kept for feedback
 */
public record AkismetSettings(int requestsPerMinute, Duration retention) {
    public static AkismetSettings defaults() {
        return new AkismetSettings(6_000, Duration.ofDays(15));
    }
}
