package dev.gazette.spam;

import java.util.List;

/**
 * A reply's text made comparable: tags gone, entities decoded, invisible characters removed,
 * NFKC applied, whitespace collapsed. {@code cased} keeps letter case for style rules;
 * {@code lower} is what features are built from. {@code hrefs} are link targets found in tags.
 */
public record NormalizedText(String cased, String lower, List<String> hrefs) {
    public NormalizedText {
        hrefs = List.copyOf(hrefs);
    }
}
