package dev.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void rendersCommonMarkdown() {
        String html = markdown.render("## Heading\n\nSome *em* and **strong** with [a link](https://a.example/x).\n\n"
                + "> quoted\n\n- one\n- two\n");
        assertThat(html).contains("<h2>Heading</h2>").contains("<em>em</em>").contains("<strong>strong</strong>")
                .contains("<a href=\"https://a.example/x\"").contains("<blockquote>").contains("<li>one</li>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "![x](javascript:alert(1))",
            "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
            "<form action=\"https://evil.example\"><input></form>",
    })
    void stripsEverythingThatCouldRunScript(String hostile) {
        String html = markdown.render(hostile).toLowerCase();
        assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("onerror")
                .doesNotContain("onload").doesNotContain("<iframe").doesNotContain("data:text").doesNotContain("<form")
                .doesNotContain("<svg").doesNotContain("style=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<style>", "<script>", "<textarea>", "<title>", "<iframe>", "<xmp>", "<STYLE type=\"x\">",
            "<!--"})
    void aRawTextTagLeftOpenIsShownAsTextSoTheRestSurvivesAndIsReported(String opener) {
        MarkdownRenderer.Rendering r = markdown.check("Before.\n\n" + opener + "\n\nAfter **all**.");
        assertThat(r.html()).contains("Before.").contains("After").doesNotContain(opener);
        assertThat(r.problems()).singleElement().asString().contains("never closes");
    }

    @Test
    void aClosedRawTextElementIsStillDroppedWithoutComplaint() {
        MarkdownRenderer.Rendering r = markdown.check("Before.\n\n<style>p{color:red}</style>\n\nAfter.");
        assertThat(r.html()).contains("Before.").contains("After.").doesNotContain("color");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void picturesKeepOnlyHttpsOrThisSiteAndProtocolRelativeBecomesHttps() {
        assertThat(MarkdownRenderer.imageSource("//cdn.example/a.jpg")).isEqualTo("https://cdn.example/a.jpg");
        assertThat(MarkdownRenderer.imageSource("https://cdn.example/a.jpg")).isEqualTo("https://cdn.example/a.jpg");
        assertThat(MarkdownRenderer.imageSource("/static/a.png")).isEqualTo("/static/a.png");
        assertThat(MarkdownRenderer.imageSource("http://cdn.example/a.jpg")).isNull();
        assertThat(MarkdownRenderer.imageSource("/\\evil.example/a.png")).isNull();
        assertThat(MarkdownRenderer.imageSource("data:image/png;base64,AAAA")).isNull();
        assertThat(MarkdownRenderer.imageSource("a.jpg")).isNull();
    }
}
