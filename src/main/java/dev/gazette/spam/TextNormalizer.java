package dev.gazette.spam;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns posted text into {@link NormalizedText}. General on purpose: nothing here knows any one
 * corpus, because the same shield screens blog replies, contact forms and messages.
 */
public final class TextNormalizer {
    /** Beyond this many characters a reply is judged on its beginning: enough to tell, bounded cost. */
    public static final int MAX_CHARS = 20_000;

    private static final Pattern HREF = Pattern.compile("(?i)\\b(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"),
            Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"),
            Map.entry("rdquo", "\u201D"), Map.entry("hellip", "\u2026"), Map.entry("euro", "\u20AC"),
            Map.entry("pound", "\u00A3"), Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"),
            Map.entry("trade", "\u2122"), Map.entry("laquo", "\u00AB"), Map.entry("raquo", "\u00BB"),
            Map.entry("bull", "\u2022"), Map.entry("middot", "\u00B7"), Map.entry("deg", "\u00B0"),
            Map.entry("times", "\u00D7"), Map.entry("eacute", "\u00E9"), Map.entry("egrave", "\u00E8"),
            Map.entry("agrave", "\u00E0"), Map.entry("ccedil", "\u00E7"), Map.entry("uuml", "\u00FC"),
            Map.entry("ouml", "\u00F6"), Map.entry("auml", "\u00E4"), Map.entry("szlig", "\u00DF"),
            Map.entry("ntilde", "\u00F1"), Map.entry("iexcl", "\u00A1"), Map.entry("iquest", "\u00BF"),
            Map.entry("hearts", "\u2665"), Map.entry("zwj", ""), Map.entry("zwnj", ""), Map.entry("shy", ""));

    /** Normalises text; never throws for any non-null input. */
    public NormalizedText normalize(String raw) {
        String s = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
        List<String> hrefs = new ArrayList<>(2);
        if (s.indexOf('<') >= 0) {
            s = stripTags(s, hrefs);
        }
        if (s.indexOf('&') >= 0) {
            s = decodeEntities(s);
        }
        s = removeInvisible(s);
        // ASCII is its own NFKC form: only other text needs the (costlier) check.
        if (!isAscii(s) && !Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        s = collapseWhitespace(s);
        return new NormalizedText(s, s.toLowerCase(Locale.ROOT), hrefs);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Replaces each tag or comment with a space, collecting href/src targets: the tag pattern
     * pattern scanned by hand (no regex engine or matcher per reply), same matches.
     */
    static String stripTags(String s, List<String> hrefs) {
        StringBuilder out = null;
        int copied = 0;
        int n = s.length();
        int i = s.indexOf('<');
        while (i >= 0 && i < n) {
            int end = -1; // index just past the match
            int attrFrom = -1;
            if (s.startsWith("<!--", i)) {
                int close = s.indexOf("-->", i + 4);
                if (close >= 0) {
                    end = close + 3;
                }
            }
            if (end < 0) {
                int p = i + 1;
                if (p < n && s.charAt(p) == '/') {
                    p++;
                }
                if (p < n && isAsciiLetter(s.charAt(p))) {
                    p++;
                    while (p < n && (isAsciiLetter(s.charAt(p)) || (s.charAt(p) >= '0' && s.charAt(p) <= '9'))) {
                        p++;
                    }
                    attrFrom = p;
                    while (p < n && s.charAt(p) != '<' && s.charAt(p) != '>') {
                        p++;
                    }
                    if (p < n && s.charAt(p) == '>') {
                        end = p + 1;
                    }
                }
            }
            if (end < 0) {
                i = s.indexOf('<', i + 1);
                continue;
            }
            if (attrFrom >= 0 && attrFrom < end - 1) {
                Matcher h = HREF.matcher(s.substring(attrFrom, end - 1));
                while (h.find()) {
                    String url = h.group(1) != null ? h.group(1) : h.group(2) != null ? h.group(2) : h.group(3);
                    if (!url.isBlank()) {
                        hrefs.add(decodeEntities(url.trim()));
                    }
                }
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            // Tags separate words ("a<br/>b" is two words), so each becomes a space.
            out.append(s, copied, i).append(' ');
            copied = end;
            i = s.indexOf('<', end);
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, n).toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Decodes numeric and known named entities: the entity pattern scanned by hand, same matches. */
    static String decodeEntities(String s) {
        StringBuilder out = null;
        int copied = 0;
        int n = s.length();
        int i = s.indexOf('&');
        while (i >= 0) {
            int p = i + 1;
            int end = -1; // index of the ';'
            if (p < n && s.charAt(p) == '#') {
                if (p + 1 < n && (s.charAt(p + 1) == 'x' || s.charAt(p + 1) == 'X')) {
                    int q = p + 2;
                    while (q < n && q - (p + 2) < 6 && Character.digit(s.charAt(q), 16) >= 0 && s.charAt(q) < 0x80) {
                        q++;
                    }
                    if (q > p + 2 && q < n && s.charAt(q) == ';') {
                        end = q;
                    }
                } else {
                    int q = p + 1;
                    while (q < n && q - (p + 1) < 7 && s.charAt(q) >= '0' && s.charAt(q) <= '9') {
                        q++;
                    }
                    if (q > p + 1 && q < n && s.charAt(q) == ';') {
                        end = q;
                    }
                }
            } else if (p < n && isAsciiLetter(s.charAt(p))) {
                int q = p + 1;
                while (q < n && q - p < 32 && (isAsciiLetter(s.charAt(q)) || (s.charAt(q) >= '0' && s.charAt(q) <= '9'))) {
                    q++;
                }
                if (q > p + 1 && q < n && s.charAt(q) == ';') {
                    end = q;
                }
            }
            if (end < 0) {
                i = s.indexOf('&', i + 1);
                continue;
            }
            String rep = replacement(s.substring(i + 1, end));
            if (rep != null) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(s, copied, i).append(rep);
                copied = end + 1;
            }
            i = s.indexOf('&', end + 1);
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, n).toString();
    }

    /** What an entity's name ("#39", "#x27", "amp") stands for, or null to keep it as written. */
    private static String replacement(String name) {
        if (name.charAt(0) == '#') {
            try {
                int cp = (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                    return new String(Character.toChars(cp));
                }
            } catch (NumberFormatException ignored) {
                return null;
            }
            return null;
        }
        return NAMED.get(name.toLowerCase(Locale.ROOT));
    }

    private static String removeInvisible(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop = isInvisible(c);
            boolean space = !drop && c != ' ' && (Character.isISOControl(c) || Character.isWhitespace(c) || c == '\u00A0');
            if (drop || space) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                    out.append(s, 0, i);
                }
                if (space) {
                    out.append(' ');
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Zero-width, byte-order, bidi and soft-hyphen marks: they hide words from filters and show nothing. */
    private static boolean isInvisible(char c) {
        return c == '\uFEFF' || c == '\u00AD' || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2064') || (c >= '\u2066' && c <= '\u2069') || c == '\u180E' || c == '\u034F';
    }

    private static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
