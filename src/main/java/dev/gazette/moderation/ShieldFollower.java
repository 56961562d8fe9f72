package dev.gazette.moderation;

import dev.gazette.spam.InvalidModelException;
import dev.gazette.spam.SpamShield;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's shield level with the shared store every few seconds: what moderators taught
 * it on other nodes, and a model a command trained or imported beside the running site. Lessons
 * waiting in the store's log (copies of replies) are folded into the model within {@link #KEEP_COPIES}.
 */
public final class ShieldFollower implements AutoCloseable {
    /** As often as the live settings are read again: a lesson reaches every node about as fast as a setting. */
    public static final Duration EVERY = Duration.ofSeconds(5);
    /** How long the shield's log may keep copies of learned replies before they become statistics (the privacy page says so). */
    public static final Duration KEEP_COPIES = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(ShieldFollower.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gazette-shield");
        t.setDaemon(true);
        return t;
    });

    private final SpamShield shield;
    private final Clock clock;
    private Instant unsavedSince;

    public ShieldFollower(SpamShield shield, Clock clock) {
        this(shield, clock, true);
    }

    /** @param timed false for a follower that only runs the rounds its caller asks for (tests drive it by hand) */
    ShieldFollower(SpamShield shield, Clock clock, boolean timed) {
        this.shield = shield;
        this.clock = clock;
        if (!timed) return;
        timer.scheduleWithFixedDelay(() -> {
            try {
                round();
            } catch (InvalidModelException | RuntimeException e) {
                // The shield keeps its current model; the next round tries again.
                log.warn("The spam shield could not take in what other nodes stored: {}", e.getMessage());
            }
        }, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round: take in what others stored, and consolidate lessons that have waited too long. */
    void round() throws InvalidModelException {
        shield.catchUp();
        if (!shield.hasUnsavedLessons()) {
            unsavedSince = null;
        } else if (unsavedSince == null) {
            unsavedSince = clock.instant();
        } else if (!clock.instant().isBefore(unsavedSince.plus(KEEP_COPIES))) {
            shield.consolidate();
            unsavedSince = null;
        }
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
