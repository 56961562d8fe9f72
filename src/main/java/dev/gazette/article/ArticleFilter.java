package dev.gazette.article;

import java.util.Objects;
import java.util.Optional;

/**
 * What the newsroom's list of articles is narrowed to: a state, a section slug, a tag slug and words in the text.
 * Empty strings and an empty state mean "any".
 */
public record ArticleFilter(Optional<ArticleState> state, String section, String tag, String text) {
    public static final ArticleFilter ANY = new ArticleFilter(Optional.empty(), "", "", "");

    public ArticleFilter {
        Objects.requireNonNull(state, "state");
        section = section.strip();
        tag = tag.strip();
        text = text.strip();
    }
}
