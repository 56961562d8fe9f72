package dev.gazette.ops;

import dev.gazette.web.RequestObserver;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the site measures, in Prometheus's format: requests and their latency by route, the shield's verdicts, the
 * replies by state and the moderation queue, feeds that fail, and (bound by the store) the pool's use.
 */
public final class Metrics implements RequestObserver {
    private static final Logger log = LoggerFactory.getLogger(Metrics.class);

    // A few latency buckets, enough for quantiles per route in Prometheus without a series per percentile.
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry;
    private final SiteFigures figures;
    // Building a meter's id (tags sorted, looked up) on every request cost more than recording into it.
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    /** The registry every part of one site records into. */
    public static PrometheusMeterRegistry newRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /**
     * @param registry       where the other parts (the pool, the shield's verdicts) record too
     * @param repliesByState counts of stored replies by state ("approved", "pending"…), read from the database
     * @param failingFeeds   how many agency feeds failed their last poll
     */
    public Metrics(PrometheusMeterRegistry registry, Supplier<Map<String, Integer>> repliesByState,
                   Supplier<Integer> failingFeeds) {
        this.registry = registry;
        this.figures = new SiteFigures(repliesByState, failingFeeds);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (String state : SiteFigures.STATES) {
            Gauge.builder("gazette.replies", figures, f -> f.replies(state))
                    .description("Replies stored, by state").tag("state", state).register(registry);
        }
        Gauge.builder("gazette.moderation.queue", figures, f -> f.replies("pending"))
                .description("Replies waiting for a moderator").register(registry);
        Gauge.builder("gazette.feeds.failing", figures, SiteFigures::failingFeeds)
                .description("Agency feeds whose last poll failed").register(registry);
    }

    @Override
    public void answered(String method, String route, int status, long nanos) {
        timers.computeIfAbsent(new TimerKey(method, route, status), k -> Timer.builder("http.server.requests")
                        .description("Requests answered, by route template, method and status")
                        .tag("method", k.method()).tag("route", k.route()).tag("status", String.valueOf(k.status()))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One series of the request timer; few (routes are templates), so they are kept. */
    private record TimerKey(String method, String route, int status) {}

    /** The text Prometheus scrapes; the figures read from the database are refreshed first. */
    public String scrape() {
        figures.refresh();
        return registry.scrape();
    }

    /** Figures that take a query, read once per scrape; while the database is away the last ones stay. */
    static final class SiteFigures {
        static final String[] STATES = {"approved", "pending", "spam", "trash"};
        private static final Duration KEEP = Duration.ofSeconds(5);
        private final Supplier<Map<String, Integer>> repliesByState;
        private final Supplier<Integer> failingFeedsSource;
        private volatile Map<String, Integer> replies = Map.of();
        private volatile double failingFeeds = Double.NaN;
        private volatile long readAt = Long.MIN_VALUE;

        SiteFigures(Supplier<Map<String, Integer>> repliesByState, Supplier<Integer> failingFeeds) {
            this.repliesByState = repliesByState;
            this.failingFeedsSource = failingFeeds;
        }

        void refresh() {
            long now = System.nanoTime();
            // Two scrapers (two Prometheus servers) within seconds share one reading.
            if (readAt != Long.MIN_VALUE && now - readAt < KEEP.toNanos()) return;
            try {
                replies = Map.copyOf(repliesByState.get());
                failingFeeds = failingFeedsSource.get();
                readAt = now;
            } catch (RuntimeException e) {
                log.warn("Metrics read from the database are stale: {}", e.toString());
            }
        }

        double replies(String state) {
            Integer n = replies.get(state);
            return n == null ? (replies.isEmpty() ? Double.NaN : 0) : n;
        }

        double failingFeeds() {
            return failingFeeds;
        }
    }
}
