package dev.gazette.comment;

import dev.gazette.store.Notices;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * How a new published reply reaches the pages that show its article. The site's other nodes are told inside the
 * reply's own statement (PostgreSQL delivers the notice when, and only if, its transaction commits), so a published
 * reply costs one write transaction and one round trip before its commit; this node's cache and the caches in front
 * follow after the commit.
 */
public interface ReplyPages {
    /** The notice, sent with the reply's insert, that tells the other nodes to drop the article's pages; or none. */
    Optional<Notices.Notice> toOthers(long articleId);

    /** After the commit, the other nodes already told: this node's page cache and the caches in front. */
    void here(long articleId);

    /** One node and nothing to tell in the transaction: every page drop after the commit, as {@code onChange} does. */
    static ReplyPages afterCommit(LongConsumer onChange) {
        return new ReplyPages() {
            @Override
            public Optional<Notices.Notice> toOthers(long articleId) {
                return Optional.empty();
            }

            @Override
            public void here(long articleId) {
                onChange.accept(articleId);
            }
        };
    }
}
