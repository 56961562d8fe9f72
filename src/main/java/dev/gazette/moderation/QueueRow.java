package dev.gazette.moderation;

import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentState;
import dev.gazette.comment.ReplyEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reply as the queue shows it: the story it answers (linked to the reply in place), the reply it answers, the
 * author and their other replies, the shield's verdict in words, the buttons for its state, and its history.
 *
 * @param email       the author's email, only for staff who may see it (those who answer data requests)
 * @param others      the author's replies per state, by the same email
 * @param outcome     what was just done to it, in words; empty in a freshly opened queue
 * @param undo        the decision that can still be undone from this row
 */
public record QueueRow(Comment comment, String articleTitle, String articleSlug, Optional<Comment> parent,
                       double nowProbability, List<ReasonWords> reasons, Optional<String> email,
                       Map<CommentState, Integer> others, List<ReplyEvent> history, QueueQuery query,
                       Optional<String> outcome, Optional<ReplyEvent> undo) {

    public long id() {
        return comment.id();
    }

    /** The reply in place on the public page (shown there once approved). */
    public String link() {
        return "/articles/" + articleSlug + "#comment-" + comment.id();
    }

    public String parentLink() {
        return parent.map(p -> "/articles/" + articleSlug + "#comment-" + p.id()).orElse("");
    }

    /** The first words of the reply answered. */
    public String parentExcerpt() {
        return parent.map(p -> {
            String t = p.bodyMarkdown().strip().replaceAll("\\s+", " ");
            return t.length() > 90 ? t.substring(0, 89) + "…" : t;
        }).orElse("");
    }

    /** The one-click decisions that make sense for the reply where it is now. */
    public List<Moderation.Action> actions() {
        return ModerationRoutes.rowActions(comment.state());
    }

    /** Whether the reply left the tab it is shown in: the row then shows what happened instead of its buttons. */
    public boolean decided() {
        return comment.state() != query.state();
    }

    /** The shield's verdict when the reply came in, from its history; the stored probability otherwise. */
    public String verdict() {
        return history.stream().filter(e -> e.kind() == ReplyEvent.Kind.SHIELD).findFirst().map(ReplyEvent::words)
                .orElse("Spam shield: " + Math.round(comment.spamProbability() * 100) + " % likely spam");
    }

    /** The author's other replies, as links to the queue filtered by them. */
    public List<AuthorCount> authorCounts() {
        return others.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new AuthorCount(e.getKey(), e.getValue(), query.byAuthorOf(comment.id(), e.getKey()).url()))
                .toList();
    }

    public String storyFilterUrl() {
        return query.onStory(articleTitle).url();
    }

    /** One state's count of an author's replies, linked. */
    public record AuthorCount(CommentState state, int count, String url) {}
}
