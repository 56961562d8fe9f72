package dev.gazette.comment;

import java.time.Instant;
import java.util.Optional;

/** A stored reply. The email is kept for moderation and the author's own requests, never shown. */
public record Comment(
        long id,
        long articleId,
        Optional<Long> parentId,
        int depth,
        String authorName,
        String authorEmail,
        String authorUrl,
        String bodyMarkdown,
        String bodyHtml,
        CommentState state,
        String ip,
        String userAgent,
        String referrer,
        Instant createdAt,
        Instant updatedAt,
        double spamProbability,
        String spamReasons,
        boolean erased) {

    Comment withId(long newId) {
        return new Comment(newId, articleId, parentId, depth, authorName, authorEmail, authorUrl, bodyMarkdown, bodyHtml,
                state, ip, userAgent, referrer, createdAt, updatedAt, spamProbability, spamReasons, erased);
    }
}
