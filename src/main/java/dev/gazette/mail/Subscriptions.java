package dev.gazette.mail;

import java.time.Clock;

/** Readers' confirmations and everyone's "stop these mails". */
public final class Subscriptions {
    private final MailStore store;
    private final Outbox outbox;
    private final MailLinks links;
    private final Clock clock;

    public Subscriptions(MailStore store, Outbox outbox, MailLinks links, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** True when the subscription exists (now confirmed). */
    public boolean confirm(long id) {
        return store.confirm(id, clock.instant());
    }

    /** Ends the subscription and drops its mails not yet sent; saying it twice is no error. */
    public void unsubscribe(long id) {
        store.writes().useTransaction(h -> {
            store.unsubscribe(h, id);
            outbox.cancel(h, links.unsubscribe(id));
        });
    }

    /** A staff member's "no more held-reply mails", from a mail's link. */
    public void staffStop(long userId) {
        store.writes().useTransaction(h -> outbox.cancel(h, links.staffUnsubscribe(userId)));
        store.setNotices(userId, false);
    }
}
