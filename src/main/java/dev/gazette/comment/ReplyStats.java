package dev.gazette.comment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Figures about replies: counts per state, per article, per author and per day, and the shield's reasons. */
public final class ReplyStats {
    private final CommentStore store;

    ReplyStats(CommentStore store) {
        this.store = store;
    }

    /** How many replies wait in each state. */
    public Map<CommentState, Integer> counts() {
        return store.countsByState(new CommentStore.QueueFilter(CommentState.PENDING, Optional.empty(), ""));
    }

    /** Replies waiting for a moderator, for the count beside "Replies" in the newsroom's menu. */
    public int pendingCount() {
        return store.pendingCount();
    }

    /** Approved replies per article. */
    public Map<Long, Integer> approvedCounts(Collection<Long> articleIds) {
        return store.approvedCounts(articleIds);
    }

    /** Each of these emails' replies per state (emails never leave the newsroom's server side). */
    public Map<String, Map<CommentState, Integer>> byAuthors(Collection<String> emails) {
        return store.byAuthors(emails);
    }

    /** Replies the shield discarded unseen since that day (ISO dates compare as text). */
    public int discardedSince(LocalDate first) {
        return store.discardedSince(first);
    }

    /** Replies per day and state since then. */
    public List<CommentStore.DayCount> since(Instant since) {
        return store.perDay(since);
    }

    /** The shield's reasons given for replies since then, one string per reason. */
    public List<String> reasonsSince(Instant since) {
        return store.reasonsSince(since).stream().flatMap(String::lines).filter(r -> !r.isBlank()).toList();
    }
}
