package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.web.Browser;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known script-injection vectors in every field a reader controls must come out as inert text. */
class CommentXssHttpTest {
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(false, g -> g.articles().create(new ArticleDraft("Xss target", "", "Body.", "Staff",
                "World", List.of(), ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(60)), Optional.empty())));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "\"><script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>",
            "[click me](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=javascript:alert(1)>",
            "javascript:alert(1)//",
            "' onmouseover='alert(1)",
            "<style>body{background:url(javascript:alert(1))}</style>",
            "![img](x\" onerror=\"alert(1))",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "&#60;script&#62;alert(1)&#60;/script&#62;",
            "<details open ontoggle=alert(1)>",
    })
    void everyVectorIsInertInTextNameAndWebsite(String vector) {
        Browser reader = new Browser(site);
        Map<String, String> form = new HashMap<>(Browser.fields(reader.page("/articles/xss-target"), "form.reply-form"));
        form.put("comment", "Text " + vector);
        form.put("author", ("N " + vector).substring(0, Math.min(100, vector.length() + 2)));
        form.put("email", "x@example.org");
        form.put("url", "https://ok.example/" + vector.replaceAll("\\s", ""));
        HttpResponse<String> sent = reader.post("/articles/xss-target/comments", form);
        // Either stored (and shown to its author) or refused with the form shown again: both pages must be inert.
        Document doc = sent.statusCode() == 303 ? reader.page("/articles/xss-target") : Jsoup.parse(sent.body());
        for (Element e : doc.select(".thread *, .reply-form *")) {
            assertThat(e.tagName()).isNotIn("script", "iframe", "svg", "math", "style", "img".equals(e.tagName())
                    && e.hasClass("avatar") ? "" : "img", "details");
            e.attributes().forEach(a -> {
                assertThat(a.getKey().toLowerCase(Locale.ROOT)).as(a.getKey()).doesNotStartWith("on");
                assertThat(a.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "")).as(a.getKey())
                        .doesNotStartWith("javascript:");
            });
        }
        assertThat(doc.select(".thread script, .reply-form script")).isEmpty();
    }
}
