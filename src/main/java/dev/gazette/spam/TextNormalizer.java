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

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("(?i)\\b(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Map<String, String> NAMED = Map.ofEntries(
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

    private static String stripTags(String s, List<String> hrefs) {
        Matcher m = TAG.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String attrs = m.group(3);
            if (attrs != null && !attrs.isEmpty()) {
                Matcher h = HREF.matcher(attrs);
                while (h.find()) {
                    String url = h.group(1) != null ? h.group(1) : h.group(2) != null ? h.group(2) : h.group(3);
                    if (!url.isBlank()) {
                        hrefs.add(decodeEntities(url.trim()));
                    }
                }
            }
            // Tags separate words ("a<br/>b" is two words), so each becomes a space.
            m.appendReplacement(out, " ");
        }
        m.appendTail(out);
        return out.toString();
    }

    static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String name = m.group(1);
            String rep = null;
            if (name.charAt(0) == '#') {
                try {
                    int cp = (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                            ? Integer.parseInt(name.substring(2), 16)
                            : Integer.parseInt(name.substring(1));
                    if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                        rep = new String(Character.toChars(cp));
                    }
                } catch (NumberFormatException ignored) {
                    rep = null;
                }
            } else {
                rep = NAMED.get(name.toLowerCase(Locale.ROOT));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep != null ? rep : m.group()));
        }
        m.appendTail(out);
        return out.toString();
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
