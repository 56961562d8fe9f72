package dev.gazette.moderation;

import dev.gazette.spam.InvalidModelException;
import dev.gazette.spam.SpamShield;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's shield level with the shared store every few seconds: what moderators taught
 * it on other nodes, and a model a command trained or imported beside the running site.
 */
public final class ShieldFollower implements AutoCloseable {
    /** As often as the live settings are read again: a lesson reaches every node about as fast as a setting. */
    public static final Duration EVERY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ShieldFollower.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gazette-shield");
        t.setDaemon(true);
        return t;
    });

    public ShieldFollower(SpamShield shield) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                shield.catchUp();
            } catch (InvalidModelException | RuntimeException e) {
                // The shield keeps its current model; the next round tries again.
                log.warn("The spam shield could not take in what other nodes stored: {}", e.getMessage());
            }
        }, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops, and waits for a round in progress, so that the database is not closed under it. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
