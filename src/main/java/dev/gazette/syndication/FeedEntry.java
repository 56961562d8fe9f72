package dev.gazette.syndication;

import dev.gazette.article.Article;
import dev.gazette.article.Tag;
import dev.gazette.comment.Comment;
import java.time.Instant;
import java.util.List;

/** One item of a feed, whether a story or a reply; it has no field that could carry an email address. */
record FeedEntry(String title, String path, String author, Instant published, Instant updated, String summary,
                 String html, List<String> categories) {

    static FeedEntry of(Article a) {
        return new FeedEntry(a.title(), "/articles/" + a.slug(), a.author(), a.shownDate(), a.updatedAt(), a.summary(),
                a.bodyHtml(), a.tags().stream().map(Tag::name).toList());
    }

    static FeedEntry of(Comment c, Article on) {
        return new FeedEntry("Reply by " + c.authorName() + " to “" + on.title() + "”",
                "/articles/" + on.slug() + "#comment-" + c.id(), c.authorName(), c.createdAt(), c.updatedAt(), "",
                c.bodyHtml(), List.of());
    }
}
