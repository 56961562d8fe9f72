package dev.gazette.comment;

import java.util.Optional;

/**
 * Where a new reply sits in its thread: the reply it hangs under and its depth. The one rule for every way a reply
 * comes in (a reader's, a staff member's, an imported one).
 */
public record ReplyPlace(Optional<Long> parentId, int depth) {
    /** A new thread. */
    public static final ReplyPlace TOP = new ReplyPlace(Optional.empty(), 0);

    /** Under this parent, or a new thread without one. */
    public static ReplyPlace under(Optional<Comment> parent, int maxDepth) {
        return parent.map(p -> under(p, maxDepth)).orElse(TOP);
    }

    /** Under this parent; past the deepest level a reply joins its parent's siblings, so threads never become unreadably narrow. */
    public static ReplyPlace under(Comment parent, int maxDepth) {
        boolean deepest = parent.depth() + 1 >= maxDepth;
        return new ReplyPlace(Optional.of(deepest ? parent.parentId().orElse(parent.id()) : parent.id()),
                Math.min(parent.depth() + 1, maxDepth - 1));
    }
}
