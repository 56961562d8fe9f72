package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written tag and entity scanners give exactly what the reference patterns give. */
class TextNormalizerScannerTest {
    private static final List<String> CASES = List.of("", "plain", "a<br />b", "<a href=\"http://x.example/\">x</a>",
            "<a href='y.example'>y</a><img src=z.example/p.png>", "1 < 2 > 0", "<!-- note -->x", "<!-- open", "<!x>",
            "</p>", "<1>", "<a<b>", "x&amp;y", "&#39;&#x27;&#X27;", "&#12345678;", "&#x1234567;", "&notanentity;",
            "&a;", "&" + "a".repeat(40) + ";", "& amp;", "&#;", "&#x;", "&#55296;", "&AMP;", "&hearts;&Hearts;", "&&amp;;",
            "<a href=\"a&amp;b.example\">", "<p title='&lt;'>", "trailing &", "trailing <", "<a href=>", "<b\n>x</b>");

    @Test
    void sameResultsAsThePatternsOnTrickyCases() {
        for (String s : CASES) {
            assertSame(s);
        }
    }

    @Test
    void sameResultsAsThePatternsOnRandomMarkup() {
        Random rnd = new Random(7);
        String alphabet = "<>!-/aAzZ09 =\"'&#;xX\n.é";
        String[] pieces = {"<!--", "-->", "&amp;", "&#39;", "&#x27;", "<br />", "<a href=\"", "href=", "src='", "&lt;"};
        for (int t = 0; t < 20_000; t++) {
            StringBuilder b = new StringBuilder();
            int len = rnd.nextInt(30);
            for (int i = 0; i < len; i++) {
                if (rnd.nextInt(5) == 0) {
                    b.append(pieces[rnd.nextInt(pieces.length)]);
                } else {
                    b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            assertSame(b.toString());
        }
    }

    private static void assertSame(String s) {
        List<String> hrefs = new ArrayList<>();
        List<String> expectedHrefs = new ArrayList<>();
        assertThat(TextNormalizer.stripTags(s, hrefs)).as("tags in %s", s)
                .isEqualTo(stripTagsByPattern(s, expectedHrefs));
        assertThat(hrefs).as("hrefs in %s", s).isEqualTo(expectedHrefs);
        assertThat(TextNormalizer.decodeEntities(s)).as("entities in %s", s)
                .isEqualTo(decodeEntitiesByPattern(s));
    }

    // The regex originals of the hand-written scanners: the reference they must agree with.
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Pattern HREF = Pattern.compile("(?i)\\b(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");

    static String stripTagsByPattern(String s, List<String> hrefs) {
        Matcher m = TAG.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String attrs = m.group(3);
            if (attrs != null && !attrs.isEmpty()) {
                Matcher h = HREF.matcher(attrs);
                while (h.find()) {
                    String url = h.group(1) != null ? h.group(1) : h.group(2) != null ? h.group(2) : h.group(3);
                    if (!url.isBlank()) {
                        hrefs.add(TextNormalizer.decodeEntities(url.trim()));
                    }
                }
            }
            // Tags separate words ("a<br/>b" is two words), so each becomes a space.
            m.appendReplacement(out, " ");
        }
        m.appendTail(out);
        return out.toString();
    }

    static String decodeEntitiesByPattern(String s) {
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
                rep = TextNormalizer.NAMED.get(name.toLowerCase(Locale.ROOT));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep != null ? rep : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

}
