package dev.gazette.comment;

import java.util.List;

/** A reply as shown in a thread, with the replies that hang below it. */
public record ReplyNode(Comment comment, String avatarUrl, boolean ownPending, boolean editable, List<ReplyNode> children) {
    public ReplyNode {
        children = List.copyOf(children);
    }
}
