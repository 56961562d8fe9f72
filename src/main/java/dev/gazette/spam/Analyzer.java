package dev.gazette.spam;

import java.util.ArrayList;
import java.util.List;

/** Normalises a submission's text and reads out words, links and language. */
final class Analyzer {
    private static final int MAX_WORD = 40;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final Links linkFinder = new Links();
    private final LanguageGuess languages = new LanguageGuess();

    Analysis analyze(Submission s) {
        NormalizedText text = normalizer.normalize(s.content());
        List<String> words = words(FeatureExtractor.squeeze(text.lower()));
        List<Links.Link> links = linkFinder.find(text.lower(), text.hrefs());
        NormalizedText name = normalizer.normalize(s.authorName());
        return new Analysis(text, words, links, Links.domains(links), languages.guess(text.lower(), words), name);
    }

    /** A letter or digit; ASCII is answered without Character's tables, as this runs for every character. */
    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    /** Runs of letters and digits; apostrophes inside a word are dropped ("don't" gives "dont"). */
    static List<String> words(String lower) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (isWordChar(c)) {
                if (w.length() < MAX_WORD) {
                    w.append(c);
                }
            } else if ((c == '\'' || c == '\u2019') && w.length() > 0) {
                continue;
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }
}
