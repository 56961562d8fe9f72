package dev.gazette.comment;

import java.util.Optional;

/** What a reader typed into "Leave a Reply", exactly as sent, so it can be shown again beside any error. */
public record CommentForm(
        String comment,
        String name,
        String email,
        String website,
        Optional<Long> replyTo,
        boolean remember,
        boolean followReplies) {

    /** A form without the "Notify me of replies" box ticked. */
    public CommentForm(String comment, String name, String email, String website, Optional<Long> replyTo,
                       boolean remember) {
        this(comment, name, email, website, replyTo, remember, false);
    }

    public static CommentForm empty() {
        return new CommentForm("", "", "", "", Optional.empty(), false);
    }
}
