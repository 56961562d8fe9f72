package dev.gazette.moderation;

import dev.gazette.account.MenuCounts;
import dev.gazette.comment.Comments;

/** The count beside "Replies" in the newsroom's menu: replies waiting for a moderator, one indexed COUNT a page. */
public final class PendingCount implements MenuCounts {
    private final Comments comments;

    public PendingCount(Comments comments) {
        this.comments = comments;
    }

    @Override
    public int waitingAt(String path) {
        return path.equals("/admin/replies") ? comments.stats().pendingCount() : 0;
    }
}
