package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
                .isEqualTo(TextNormalizer.stripTagsByPattern(s, expectedHrefs));
        assertThat(hrefs).as("hrefs in %s", s).isEqualTo(expectedHrefs);
        assertThat(TextNormalizer.decodeEntities(s)).as("entities in %s", s)
                .isEqualTo(TextNormalizer.decodeEntitiesByPattern(s));
    }
}
