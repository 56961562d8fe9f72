package dev.gazette.spam;

import java.util.List;
import java.util.Locale;

/**
 * Builds the classifier's hashed features: words, word pairs and triples and character 3-5-grams of the
 * text (scaled to unit length together), plus link domains, author fields and the rules'
 * signals (each worth 1). Slot 0 is the bias.
 */
final class FeatureExtractor {
    private static final int NS_WORD = 0x1001;
    private static final int NS_PAIR = 0x1002;
    private static final int NS_CHAR = 0x1003;
    private static final int NS_DOMAIN = 0x1004;
    private static final int NS_RULE = 0x1005;
    private static final int NS_AUTHOR = 0x1006;
    private static final int NS_TYPE = 0x1007;
    private static final int NS_TRIPLE = 0x1008;
    private static final int[] PHRASE_NAMESPACES = {NS_WORD, NS_PAIR, NS_TRIPLE};
    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 5;
    private static final int MAX_WORDS = 2000;

    private final int mask;

    FeatureExtractor(int hashBits) {
        this.mask = (1 << hashBits) - 1;
    }

    private int slot(int h) {
        int s = h & mask;
        return s <= 1 ? s + 2 : s; // slot 0 is reserved for the bias, slot 1 for the Naive Bayes score
    }

    /** @param explain whether to record which word or signal each feature came from (costs strings) */
    FeatureVector extract(Submission s, Analysis a, List<RuleHit> hits, boolean explain) {
        List<String> words = a.words().size() > MAX_WORDS ? a.words().subList(0, MAX_WORDS) : a.words();
        int chars = Math.min(a.text().lower().length(), TextNormalizer.MAX_CHARS) + 1;
        // Room for every feature up front: bias, NB score, words, pairs and triples, grams, and a few more.
        FeatureVector v = new FeatureVector(3 * words.size() + (MAX_GRAM - MIN_GRAM + 1) * chars + a.domains().size()
                + hits.size() + 16);
        v.add(0, 1f, -1);
        v.add(1, 0f, -1);
        int textStart = v.size;
        int[] wordGroup = new int[words.size()]; // character grams are explained by the word they start in
        for (int n = 1; n <= 3; n++) { // words, pairs, triples
            for (int end = n; end <= words.size(); end++) {
                int slot = slot(Hashing.hash(PHRASE_NAMESPACES[n - 1], words, end - n, end));
                int g = explain ? v.newGroup(FeatureVector.QUOTED, words, end - n, end, slot) : -1;
                if (n == 1) {
                    wordGroup[end - 1] = g;
                }
                v.add(slot, 2f, g);
            }
        }
        charGrams(squeeze(a.text().lower()), v, explain ? wordGroup : null, words.size());
        v.mergeRepeats(textStart);
        v.normalize(textStart, v.size);
        v.textFrom = textStart;
        v.textTo = v.size;

        for (String d : a.domains()) {
            keyed(v, "a link to ", d, slot(Hashing.hash(NS_DOMAIN, d)), explain);
        }
        for (RuleHit h : hits) {
            keyed(v, "", h.reason().text(), slot(Hashing.hash(NS_RULE, h.signal())), explain);
        }
        author(s, a, v, explain);
        if (s.type() != CommentType.COMMENT) {
            v.add(slot(Hashing.hash(NS_TYPE, s.type().wireName())), 1f, -1);
        }
        return v;
    }

    private void author(Submission s, Analysis a, FeatureVector v, boolean explain) {
        for (String w : Analyzer.words(a.authorName().lower())) {
            keyed(v, "the name word ", w, slot(Hashing.hash(NS_AUTHOR, "n:" + w)), explain);
        }
        String email = s.authorEmail().trim().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (at >= 0 && at < email.length() - 1) {
            String dom = email.substring(at + 1);
            keyed(v, "an email at ", dom, slot(Hashing.hash(NS_AUTHOR, "e:" + dom)), explain);
        }
        String site = Links.domainOf(s.authorUrl());
        if (!site.isEmpty()) {
            keyed(v, "a website at ", site, slot(Hashing.hash(NS_AUTHOR, "u:" + site)), explain);
        }
    }

    /** One feature worth 1 for a named key (a domain, a rule, an author field). */
    private static void keyed(FeatureVector v, String prefix, String key, int slot, boolean explain) {
        v.add(slot, 1f, explain ? v.newGroup(prefix, key, slot) : -1);
    }

    /** Cuts runs of one character to three ("!!!!!!!" to "!!!"), so a long run is one signal, not a flood. */
    static String squeeze(String t) {
        StringBuilder out = null;
        int run = 0;
        char prev = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            run = c == prev ? run + 1 : 1;
            prev = c;
            if (run > 3) {
                if (out == null) {
                    out = new StringBuilder(t.length());
                    out.append(t, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? t : out.toString();
    }

    /**
     * Character n-grams over " text ", hashed incrementally. When explaining, each gram is
     * attributed to the word it starts in (or the next word when it starts on a space).
     */
    private void charGrams(String t, FeatureVector v, int[] wordGroup, int wordCount) {
        int n = t.length();
        if (n == 0) {
            return;
        }
        int limit = Math.min(n, TextNormalizer.MAX_CHARS);
        int wordIdx = -1;
        boolean inWord = false;
        for (int i = -1; i < limit; i++) {
            char first = i < 0 ? ' ' : t.charAt(i);
            boolean letter = i >= 0 && Analyzer.isWordChar(first);
            if (letter && !inWord) {
                wordIdx++;
            }
            inWord = letter || (inWord && (first == '\'' || first == '\u2019'));
            int g = -1;
            if (wordGroup != null && wordCount > 0) {
                int wi = inWord ? wordIdx : wordIdx + 1;
                g = wi >= 0 && wi < wordGroup.length ? wordGroup[wi] : -1;
            }
            int h = NS_CHAR;
            for (int k = 0; k < MAX_GRAM; k++) {
                int p = i + k;
                if (p > limit) {
                    break;
                }
                char c = p < 0 || p >= limit ? ' ' : t.charAt(p);
                h = Hashing.step(h, c);
                if (k + 1 >= MIN_GRAM) {
                    v.add(slot(Hashing.finish(h, k + 1)), 1f, g);
                }
            }
        }
    }
}
