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

    /** A new reply to an article, not yet stored: the one way every path that takes replies in builds one. */
    public static Builder reply(long articleId, ReplyPlace place) {
        return new Builder(articleId, place);
    }

    /** The same reply as the shield judged it and the policy placed it. */
    Comment judged(CommentState newState, double probability, String reasons) {
        return new Comment(id, articleId, parentId, depth, authorName, authorEmail, authorUrl, bodyMarkdown, bodyHtml,
                newState, ip, userAgent, referrer, createdAt, updatedAt, probability, reasons, erased);
    }

    Comment withId(long newId) {
        return new Comment(newId, articleId, parentId, depth, authorName, authorEmail, authorUrl, bodyMarkdown, bodyHtml,
                state, ip, userAgent, referrer, createdAt, updatedAt, spamProbability, spamReasons, erased);
    }

    /** Builds a new reply; what a way in does not know stays empty (no website, address, browser or verdict). */
    public static final class Builder {
        private final long articleId;
        private final ReplyPlace place;
        private String name = "";
        private String email = "";
        private String website = "";
        private String markdown = "";
        private String html = "";
        private CommentState state = CommentState.PENDING;
        private String ip = "";
        private String userAgent = "";
        private String referrer = "";
        private Instant at = Instant.EPOCH;

        private Builder(long articleId, ReplyPlace place) {
            this.articleId = articleId;
            this.place = place;
        }

        public Builder author(String name, String email, String website) {
            this.name = name;
            this.email = email;
            this.website = website;
            return this;
        }

        /** The reply's text as written, and as rendered to safe HTML. */
        public Builder body(String markdown, String html) {
            this.markdown = markdown;
            this.html = html;
            return this;
        }

        public Builder state(CommentState state) {
            this.state = state;
            return this;
        }

        /** Where it came from: the client's address, browser and referring page. */
        public Builder from(String ip, String userAgent, String referrer) {
            this.ip = ip;
            this.userAgent = userAgent;
            this.referrer = referrer;
            return this;
        }

        /** When it was written (and last changed). */
        public Builder at(Instant at) {
            this.at = at;
            return this;
        }

        public Comment build() {
            return new Comment(0, articleId, place.parentId(), place.depth(), name, email, website, markdown, html, state,
                    ip, userAgent, referrer, at, at, 0, "", false);
        }
    }
}
