package dev.gazette.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Gathers held replies into one mail per moderator: when replies were held since a moderator's last mail and the quiet
 * time ({@code mail.digest-minutes}) has passed, {@link #runOnce()} writes the digest to the outbox.
 */
public final class DigestJob {
    private final MailStore store;
    private final Outbox outbox;
    private final MailTexts texts;
    private final IntSupplier waitingReplies;
    private final IntSupplier digestMinutes;
    private final Clock clock;

    /** @param waitingReplies how many replies wait in the queue now */
    public DigestJob(MailStore store, Outbox outbox, Supplier<String> siteName, MailLinks links,
                     IntSupplier waitingReplies, IntSupplier digestMinutes, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.texts = new MailTexts(siteName, links);
        this.waitingReplies = waitingReplies;
        this.digestMinutes = digestMinutes;
        this.clock = clock;
    }

    /**
     * Writes the digests now due; returns how many. It runs every second: when no digest is due (nearly always) it
     * reads one small query and neither counts the queue nor opens a write transaction, which on SQLite would wait
     * for, and hold up, the replies being written.
     */
    public int runOnce() {
        Instant now = clock.instant();
        Instant quietSince = now.minus(Duration.ofMinutes(digestMinutes.getAsInt()));
        if (!store.digestDue(MailStore.MODERATING_ROLES, quietSince)) return 0;
        int waiting = waitingReplies.getAsInt();
        return store.writes().inTransaction(h -> {
            int written = 0;
            for (MailStore.Moderator m : store.moderators(h, MailStore.MODERATING_ROLES)) {
                if (!m.notices() || m.heldSinceMail() == 0 || m.lastMail().isAfter(quietSince)) continue;
                if (waiting == 0) {
                    // Someone cleared the queue meanwhile: nothing to tell, and the next held reply goes out at once.
                    store.forgetHeld(h, m.id());
                    continue;
                }
                outbox.add(h, texts.digest(m.email(), m.id(), m.heldSinceMail(), waiting), now);
                store.mailed(h, m.id(), now);
                written++;
            }
            return written;
        });
    }
}
