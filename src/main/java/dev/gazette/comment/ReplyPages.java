package dev.gazette.comment;

import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;

/**
 * How a new published reply reaches the pages that show its article. The site's other nodes are told inside the
 * reply's own transaction (PostgreSQL delivers the notice when, and only if, it commits), so a published reply costs
 * one write transaction, not a second one for the notice; this node's cache and the caches in front follow after the
 * commit.
 */
public interface ReplyPages {
    /** Inside the reply's transaction: tells the other nodes to drop the article's pages. */
    void tellOthers(Handle handle, long articleId);

    /** After the commit, the other nodes already told: this node's page cache and the caches in front. */
    void here(long articleId);

    /** One node and nothing to tell in the transaction: every page drop after the commit, as {@code onChange} does. */
    static ReplyPages afterCommit(LongConsumer onChange) {
        return new ReplyPages() {
            @Override
            public void tellOthers(Handle handle, long articleId) {}

            @Override
            public void here(long articleId) {
                onChange.accept(articleId);
            }
        };
    }
}
