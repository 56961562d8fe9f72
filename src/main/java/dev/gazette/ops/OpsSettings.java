package dev.gazette.ops;

import dev.gazette.web.TrustedProxies;
import java.time.Duration;

/**
 * How the site is run and watched: how long a stop waits for requests in flight, how much free disk readiness
 * asks for, and who may read {@code /metrics}.
 *
 * @param drainTimeout   the longest a stop (SIGTERM) waits for requests in flight to be answered
 * @param minFreeBytes   readiness fails when less than this is free under the data folder
 * @param metricsToken   a bearer token that opens {@code /metrics}; empty: no token opens it
 * @param metricsFrom    addresses that may read {@code /metrics} directly (not through a proxy); none by default
 */
public record OpsSettings(Duration drainTimeout, long minFreeBytes, String metricsToken, TrustedProxies metricsFrom) {
    public static OpsSettings defaults() {
        return new OpsSettings(Duration.ofSeconds(20), 100L * 1024 * 1024, "", TrustedProxies.none());
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "OpsSettings[drainTimeout=" + drainTimeout + ", minFreeBytes=" + minFreeBytes + ", metricsToken="
                + (metricsToken.isEmpty() ? "" : "(set)") + ", metricsFrom=" + metricsFrom + "]";
    }
}
