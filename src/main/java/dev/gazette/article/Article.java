package dev.gazette.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A story as stored: its text, its rendered body, where it sits on the site and where it came from. */
public record Article(
        long id,
        String slug,
        String title,
        String summary,
        String bodyMarkdown,
        String bodyHtml,
        String author,
        Section section,
        List<Tag> tags,
        ArticleState state,
        Instant createdAt,
        Optional<Instant> publishedAt,
        Instant updatedAt,
        Optional<Source> source,
        int version,
        Optional<String> leadImage) {

    public Article {
        tags = List.copyOf(tags);
    }

    /** An article without a lead picture. */
    public Article(long id, String slug, String title, String summary, String bodyMarkdown, String bodyHtml,
                   String author, Section section, List<Tag> tags, ArticleState state, Instant createdAt,
                   Optional<Instant> publishedAt, Instant updatedAt, Optional<Source> source, int version) {
        this(id, slug, title, summary, bodyMarkdown, bodyHtml, author, section, tags, state, createdAt, publishedAt,
                updatedAt, source, version, Optional.empty());
    }

    /** When the story went public, or when it was written if it has not yet. */
    public Instant shownDate() {
        return publishedAt.orElse(createdAt);
    }

    Article withId(long newId) {
        return new Article(newId, slug, title, summary, bodyMarkdown, bodyHtml, author, section, tags, state,
                createdAt, publishedAt, updatedAt, source, version, leadImage);
    }

    Article withUpdatedAt(Instant at) {
        return new Article(id, slug, title, summary, bodyMarkdown, bodyHtml, author, section, tags, state,
                createdAt, publishedAt, at, source, version, leadImage);
    }

    Article withTags(List<Tag> newTags) {
        return new Article(id, slug, title, summary, bodyMarkdown, bodyHtml, author, section, newTags, state,
                createdAt, publishedAt, updatedAt, source, version, leadImage);
    }
}
