package dev.gazette.spam;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cheap guess at the language of a text: the writing system first, then common function words
 * for languages in Latin script. Says "" when unsure, which no rule punishes.
 */
public final class LanguageGuess {
    private static final Map<String, Set<String>> STOPWORDS = Map.of(
            "en", Set.of("the", "and", "is", "are", "you", "this", "that", "it", "of", "to", "in", "for", "with", "was", "have", "not", "my", "i", "what", "be"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "ich", "du", "ein", "eine", "mit", "auf", "auch", "sie", "es", "zu", "den", "von", "sehr", "wie"),
            "fr", Set.of("le", "la", "les", "et", "est", "un", "une", "des", "pas", "je", "vous", "que", "qui", "pour", "dans", "ce", "sur", "avec", "mais", "du"),
            "es", Set.of("el", "la", "los", "las", "y", "es", "un", "una", "que", "de", "no", "por", "con", "para", "muy", "pero", "del", "yo", "lo", "como"),
            "pt", Set.of("o", "os", "as", "e", "um", "uma", "que", "de", "não", "com", "para", "muito", "mas", "do", "da", "eu", "você", "é", "isso", "em"),
            "it", Set.of("il", "lo", "gli", "e", "un", "una", "che", "di", "non", "per", "con", "molto", "ma", "sono", "questo", "della", "io", "è", "ho", "mi"),
            "nl", Set.of("de", "het", "een", "en", "is", "niet", "ik", "je", "dat", "van", "met", "op", "voor", "maar", "ook", "zijn", "wat", "heel", "dit", "er"));
    private static final String[] ORDER = {"en", "de", "fr", "es", "pt", "it", "nl"};
    /** Each function word with a bit per language of ORDER that uses it: one lookup per word, not seven. */
    private static final Map<String, Integer> LANGS_OF_WORD = langsOfWord();

    private static Map<String, Integer> langsOfWord() {
        Map<String, Integer> m = new HashMap<>();
        for (int l = 0; l < ORDER.length; l++) {
            for (String w : STOPWORDS.get(ORDER[l])) {
                m.merge(w, 1 << l, (a, b) -> a | b);
            }
        }
        return Map.copyOf(m);
    }

    /** ISO 639-1 code of the likely language, or "" when the text is too short or ambiguous. */
    public String guess(String lowerText, List<String> words) {
        String script = dominantScript(lowerText);
        if (!script.isEmpty()) {
            return script;
        }
        if (words.size() < 5) {
            return "";
        }
        int[] hitsOf = new int[ORDER.length];
        for (String w : words) {
            Integer langs = LANGS_OF_WORD.get(w);
            if (langs != null) {
                for (int l = 0; l < ORDER.length; l++) {
                    if ((langs & (1 << l)) != 0) {
                        hitsOf[l]++;
                    }
                }
            }
        }
        String best = "";
        int bestHits = 0;
        int second = 0;
        for (int l = 0; l < ORDER.length; l++) {
            int hits = hitsOf[l];
            if (hits > bestHits) {
                second = bestHits;
                bestHits = hits;
                best = ORDER[l];
            } else if (hits > second) {
                second = hits;
            }
        }
        // Two function words more than the runner-up, or the guess is noise.
        return bestHits >= 2 && bestHits >= second + 2 ? best : "";
    }

    /** A language implied by a non-Latin script making up most letters, or "". */
    private static String dominantScript(String s) {
        int letters = 0;
        int latin = 0;
        int cyr = 0;
        int arab = 0;
        int cjk = 0;
        int kana = 0;
        int hangul = 0;
        int greek = 0;
        int hebrew = 0;
        int thai = 0;
        int deva = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) { // ASCII: Latin or not a letter, no table lookup needed
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                    letters++;
                    latin++;
                }
                continue;
            }
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            Character.UnicodeScript sc = Character.UnicodeScript.of(c);
            switch (sc) {
                case LATIN -> latin++;
                case CYRILLIC -> cyr++;
                case ARABIC -> arab++;
                case HAN -> cjk++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case GREEK -> greek++;
                case HEBREW -> hebrew++;
                case THAI -> thai++;
                case DEVANAGARI -> deva++;
                default -> { }
            }
        }
        if (letters < 4 || latin * 2 >= letters) {
            return "";
        }
        int half = letters / 2;
        if (kana > 0 && kana + cjk > half) return "ja";
        if (cjk > half) return "zh";
        if (cyr > half) return "ru";
        if (arab > half) return "ar";
        if (hangul > half) return "ko";
        if (greek > half) return "el";
        if (hebrew > half) return "he";
        if (thai > half) return "th";
        if (deva > half) return "hi";
        return "";
    }
}
