package dev.gazette.syndication;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Gazette may fetch from outside addresses and how long it waits.
 *
 * @param allowHosts    host names (or literal addresses) fetched even though they are on a private or local network
 * @param answerTimeout how long to wait for a connection, and for each part of the answer
 * @param totalLimit    how long a whole fetch may take, redirects and body included: a feed that drips is cut off
 */
public record FetchSettings(Set<String> allowHosts, Duration answerTimeout, Duration totalLimit) {
    public FetchSettings {
        allowHosts = allowHosts.stream().map(FetchSettings::normalized).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (answerTimeout.isNegative() || answerTimeout.isZero() || totalLimit.isNegative() || totalLimit.isZero()) {
            throw new IllegalArgumentException("fetch time limits must be positive");
        }
    }

    public static FetchSettings defaults() {
        return new FetchSettings(Set.of(), Duration.ofSeconds(20), Duration.ofSeconds(30));
    }

    /** The hosts of a comma-separated list such as {@code feeds.internal, 10.0.0.7}. */
    public static Set<String> hostList(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(FetchSettings::normalized).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** These settings with more hosts allowed. */
    public FetchSettings allowing(String... hosts) {
        Set<String> more = new HashSet<>(allowHosts);
        more.addAll(Arrays.asList(hosts));
        return new FetchSettings(more, answerTimeout, totalLimit);
    }

    public FetchSettings withTimeouts(Duration answer, Duration total) {
        return new FetchSettings(allowHosts, answer, total);
    }

    boolean allows(String host) {
        return allowHosts.contains(normalized(host));
    }

    /** Case and a trailing dot do not make another host; an IPv6 literal may come with or without brackets. */
    private static String normalized(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
