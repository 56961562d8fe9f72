package dev.gazette.syndication;

import dev.gazette.article.Article;
import dev.gazette.article.Picture;
import dev.gazette.article.Tag;
import dev.gazette.comment.Comment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One item of a feed, whether a story or a reply; it has no field that could carry an email address. */
record FeedEntry(String title, String path, String author, Instant published, Instant updated, String summary,
                 String html, List<String> categories, Optional<Picture> image) {

    FeedEntry(String title, String path, String author, Instant published, Instant updated, String summary,
              String html, List<String> categories) {
        this(title, path, author, published, updated, summary, html, categories, Optional.empty());
    }

    static FeedEntry of(Article a) {
        return of(a, Optional.empty());
    }

    /** A story, with its lead picture as the item's enclosure. */
    static FeedEntry of(Article a, Optional<Picture> lead) {
        return new FeedEntry(a.title(), "/articles/" + a.slug(), a.author(), a.shownDate(), a.updatedAt(), a.summary(),
                a.bodyHtml(), a.tags().stream().map(Tag::name).toList(), lead);
    }

    static FeedEntry of(Comment c, Article on) {
        return new FeedEntry("Reply by " + c.authorName() + " to “" + on.title() + "”",
                "/articles/" + on.slug() + "#comment-" + c.id(), c.authorName(), c.createdAt(), c.updatedAt(), "",
                c.bodyHtml(), List.of());
    }
}
