package dev.gazette.moderation;

import dev.gazette.spam.InvalidModelException;
import dev.gazette.spam.SpamShield;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's shield level with the shared store: what moderators taught it on other nodes, and a model a
 * command trained or imported beside the running site. On PostgreSQL a notice ({@link #CHANNEL}) brings each lesson
 * at once; {@link #follow()} every {@link #EVERY} is the fallback. Lessons waiting in the store's log (copies of
 * replies) are folded into the model within {@link #KEEP_COPIES} by {@link #consolidateIfDue()}, on one node at a time.
 * The composition root runs both as jobs.
 */
public final class ShieldFollower {
    /** How often a node looks for lessons without being told: the fallback when notices are not heard. */
    public static final Duration EVERY = Duration.ofSeconds(5);
    /** How long the shield's log may keep copies of learned replies before they become statistics (the privacy page says so). */
    public static final Duration KEEP_COPIES = Duration.ofDays(1);
    /** The notice channel of new lessons and snapshots. */
    public static final String CHANNEL = "gazette_shield";
    private static final Logger log = LoggerFactory.getLogger(ShieldFollower.class);

    private final SpamShield shield;
    private final Clock clock;
    private Instant unsavedSince;

    public ShieldFollower(SpamShield shield, Clock clock) {
        this.shield = shield;
        this.clock = clock;
    }

    /** Takes in what others stored; the shield keeps its current model when that fails, and the next call tries again. */
    public void follow() {
        try {
            shield.catchUp();
        } catch (InvalidModelException | RuntimeException e) {
            log.warn("The spam shield could not take in what other nodes stored: {}", e.getMessage());
        }
    }

    /** Folds lessons that have waited too long into the model: a job for one node at a time. */
    public synchronized void consolidateIfDue() {
        if (!shield.hasUnsavedLessons()) {
            unsavedSince = null;
        } else if (unsavedSince == null) {
            unsavedSince = clock.instant();
        } else if (!clock.instant().isBefore(unsavedSince.plus(KEEP_COPIES))) {
            shield.consolidate();
            unsavedSince = null;
        }
    }

    /** One round of both, as a single node runs them. */
    void round() throws InvalidModelException {
        shield.catchUp();
        consolidateIfDue();
    }
}
