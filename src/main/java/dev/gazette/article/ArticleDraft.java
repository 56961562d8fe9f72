package dev.gazette.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What an editor (or an importer) hands over to create an article. */
public record ArticleDraft(
        String title,
        String summary,
        String bodyMarkdown,
        String author,
        String section,
        List<String> tags,
        ArticleState state,
        Optional<Instant> publishAt,
        Optional<Source> source,
        Optional<String> leadImage) {

    /** A draft without a lead picture. */
    public ArticleDraft(String title, String summary, String bodyMarkdown, String author, String section,
                        List<String> tags, ArticleState state, Optional<Instant> publishAt, Optional<Source> source) {
        this(title, summary, bodyMarkdown, author, section, tags, state, publishAt, source, Optional.empty());
    }

    public ArticleDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(bodyMarkdown, "bodyMarkdown");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(publishAt, "publishAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(leadImage, "leadImage");
        tags = List.copyOf(tags);
        if (title.isBlank()) throw new IllegalArgumentException("An article needs a title");
        if (section.isBlank()) throw new IllegalArgumentException("An article needs a section");
        if (state == ArticleState.SCHEDULED && publishAt.isEmpty()) {
            throw new IllegalArgumentException("A scheduled article needs a publication time");
        }
    }
}
