package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void stripsByteOrderMarksAndZeroWidthCharacters() {
        assertThat(normalizer.normalize("\uFEFFfr\u200Bee mo\u200Dney\uFEFF").lower()).isEqualTo("free money");
    }

    @Test
    void decodesEntitiesAndStripsTagsKeepingLinkTargets() {
        NormalizedText t = normalizer.normalize("It&#39;s &quot;great&quot; &amp; fun<br />see <a href=\"http://x.example.com/a\">here</a>&#x21;");
        assertThat(t.cased()).isEqualTo("It's \"great\" & fun see here !");
        assertThat(t.hrefs()).containsExactly("http://x.example.com/a");
    }

    @Test
    void leavesUnknownEntitiesAlone() {
        assertThat(normalizer.normalize("a &bogus; b &#99999999; c").cased()).isEqualTo("a &bogus; b &#99999999; c");
    }

    @Test
    void appliesNfkcAndLowercases() {
        assertThat(normalizer.normalize("ＦＲＥＥ ①").lower()).isEqualTo("free 1");
    }

    @Test
    void turnsControlCharactersIntoSpacesAndCollapsesWhitespace() {
        assertThat(normalizer.normalize("  a\u0000\u0007b\t\n c  ").cased()).isEqualTo("a b c");
    }

    @Test
    void boundsTheWorkOnHugeInput() {
        String huge = "x".repeat(2_000_000);
        assertThat(normalizer.normalize(huge).lower()).hasSize(TextNormalizer.MAX_CHARS);
    }
}
