package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class CommentTextTest {
    private final CommentText text = new CommentText();

    @Test
    void anImageKeepsItsWordsAsALink() {
        // Found by XssBrowserTest: replies allow no images, and the sanitizer dropped the whole image, description
        // included, so "![a cat](…)" left the reader's reply without those words.
        Document html = Jsoup.parseBodyFragment(text.render("Look: ![a sleeping cat](https://img.example/cat.jpg)"));
        assertThat(html.text()).isEqualTo("Look: a sleeping cat");
        assertThat(html.select("img")).isEmpty();
        assertThat(html.select("a").attr("href")).isEqualTo("https://img.example/cat.jpg");
    }

    @Test
    void anImageWithAnUnsafeAddressKeepsItsWordsAndLosesTheAddress() {
        Document html = Jsoup.parseBodyFragment(text.render("![x](data:image/svg+xml;base64,PHN2Zz4=) and"
                + " ![y](javascript:alert(1))"));
        assertThat(html.text()).isEqualTo("x and y");
        assertThat(html.select("img, [href^=data], [href^=javascript]")).isEmpty();
    }
}
