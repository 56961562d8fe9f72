package dev.gazette.moderation;

import dev.gazette.comment.CommentState;
import dev.gazette.web.BadRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The queue's address as a moderator filtered it: a tab (state), words of a story's title, a text, one author (by
 * one of their replies, so the address never carries an email) and a page. Forms send it back as hidden fields, and
 * every address back to the queue is built from it, never from raw input.
 */
public record QueueQuery(CommentState state, String story, String text, Optional<Long> by, int page) {
    static final int MAX_TEXT = 200;

    /** Reads the query from request parameters (the address, or a form's hidden fields). */
    static QueueQuery from(Function<String, String> param, int page) {
        String raw = param.apply("state") == null || param.apply("state").isBlank() ? "pending" : param.apply("state");
        CommentState state;
        try {
            state = CommentState.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("Unknown tab '" + raw + "': use pending, approved, spam or trash.");
        }
        return new QueueQuery(state, words(param.apply("story")), words(param.apply("q")), id(param.apply("by")), page);
    }

    private static String words(String raw) {
        String s = raw == null ? "" : raw.strip();
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
    }

    static Optional<Long> id(String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            long v = Long.parseLong(raw.strip());
            return v > 0 ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public QueueQuery inState(CommentState s) {
        return new QueueQuery(s, story, text, by, 1);
    }

    public QueueQuery onPage(int n) {
        return new QueueQuery(state, story, text, by, n);
    }

    public QueueQuery byAuthorOf(long replyId, CommentState s) {
        return new QueueQuery(s, "", "", Optional.of(replyId), 1);
    }

    public QueueQuery onStory(String title) {
        return new QueueQuery(state, title, "", Optional.empty(), 1);
    }

    public QueueQuery withoutAuthor() {
        return new QueueQuery(state, story, text, Optional.empty(), 1);
    }

    public boolean filtered() {
        return !story.isEmpty() || !text.isEmpty() || by.isPresent();
    }

    /** The queue's address for this query. */
    public String url() {
        StringBuilder u = new StringBuilder("/admin/replies?state=").append(state.code());
        if (!story.isEmpty()) u.append("&story=").append(enc(story));
        if (!text.isEmpty()) u.append("&q=").append(enc(text));
        by.ifPresent(id -> u.append("&by=").append(id));
        if (page > 1) u.append("&page=").append(page);
        return u.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
