package dev.gazette.article;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a reader typed into the search box, reduced to the words worth looking for. */
public record SearchQuery(String text, List<String> words) {
    /** Longer queries are cut rather than refused: a pasted paragraph still finds something. */
    public static final int MAX_WORDS = 12;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    public SearchQuery {
        words = List.copyOf(words);
    }

    public static SearchQuery parse(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        List<String> words = Arrays.stream(SEPARATORS.split(normalized.toLowerCase(Locale.ROOT)))
                .filter(w -> !w.isEmpty())
                .limit(MAX_WORDS)
                .toList();
        return new SearchQuery(normalized, words);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }
}
