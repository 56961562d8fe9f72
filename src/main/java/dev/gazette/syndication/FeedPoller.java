package dev.gazette.syndication;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks for sources whose poll is due once a minute. */
public final class FeedPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gazette-feeds");
        t.setDaemon(true);
        return t;
    });

    public FeedPoller(FeedSources sources) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int added = sources.pollDue();
                if (added > 0) log.info("Feeds: {} new stories", added);
            } catch (RuntimeException e) {
                // Each source records its own errors; this is for the unexpected, and the next minute tries again.
                log.warn("Feed polling failed", e);
            }
        }, 10, 60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
