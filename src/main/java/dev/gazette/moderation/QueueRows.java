package dev.gazette.moderation;

import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentState;
import dev.gazette.comment.CommentStore;
import dev.gazette.comment.Comments;
import dev.gazette.comment.ReplyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the queue's rows for a page of replies with a handful of queries, whatever the page's size. */
final class QueueRows {
    private final Comments comments;
    private final Moderation moderation;

    QueueRows(Comments comments, Moderation moderation) {
        this.comments = comments;
        this.moderation = moderation;
    }

    List<QueueRow> of(List<CommentStore.QueueEntry> entries, QueueQuery query, boolean mayseeEmail,
                      Optional<String> outcome, Optional<ReplyEvent> undo) {
        List<Long> ids = entries.stream().map(e -> e.comment().id()).toList();
        Map<Long, List<ReplyEvent>> histories = moderation.history().of(ids);
        Map<Long, Comment> parents = comments.byIds(entries.stream().map(e -> e.comment().parentId())
                .flatMap(Optional::stream).distinct().toList());
        Map<String, Map<CommentState, Integer>> authors = comments.stats().byAuthors(entries.stream()
                .map(e -> e.comment().authorEmail()).toList());
        List<QueueRow> rows = new ArrayList<>();
        for (CommentStore.QueueEntry e : entries) {
            Comment c = e.comment();
            List<ReasonWords> reasons = c.spamReasons().lines().filter(r -> !r.isBlank()).map(ReasonWords::of).toList();
            rows.add(new QueueRow(c, e.articleTitle(), e.articleSlug(),
                    c.parentId().map(parents::get), moderation.checkNow(c), reasons,
                    mayseeEmail && !c.authorEmail().isEmpty() ? Optional.of(c.authorEmail()) : Optional.empty(),
                    authors.getOrDefault(c.authorEmail(), Map.of()), histories.getOrDefault(c.id(), List.of()), query,
                    outcome, undo));
        }
        return rows;
    }
}
