package dev.gazette.spam.eval.baselines;

import dev.gazette.spam.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/** The same cleaning the shield gets (entities, tags, U+FEFF, NFKC, case), then word tokens. */
final class BaselineText {
    private final TextNormalizer normalizer = new TextNormalizer();

    List<String> tokens(String raw) {
        String s = normalizer.normalize(raw).lower();
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            } else {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c)); // punctuation is evidence too ("!!!", "@", ".com")
                }
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        if (out.isEmpty()) {
            out.add("<empty>");
        }
        return out;
    }
}
