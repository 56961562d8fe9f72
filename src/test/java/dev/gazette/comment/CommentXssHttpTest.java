package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.web.Browser;
import dev.gazette.web.TestSite;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
        CommentSettings d = CommentSettings.defaults();
        // Thirty replies from one address in a few seconds: no rate limit, or later vectors would meet a 429 instead.
        CommentSettings unlimited = new CommentSettings(d.holdAll(), d.approveKnownAuthors(), d.holdAtLinks(),
                d.moderationKeys(), d.disallowedKeys(), d.closeAfterDays(), d.keepDiscarded(), d.maxDepth(), d.pageSize(),
                d.newestFirst(), d.maxCommentLength(), d.maxNameLength(), d.editMinutes(), 0, 0, d.retention());
        site = TestSite.start(false, 0, unlimited, g -> g.articles().create(new ArticleDraft("Xss target", "", "Body.", "Staff",
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
        // A valid address that carries the vector; the raw vector as a website is tried below.
        form.put("url", "https://ok.example/?q=" + URLEncoder.encode(vector, StandardCharsets.UTF_8));
        HttpResponse<String> sent = reader.post("/articles/xss-target/comments", form);

        // Taken in, not refused, discarded or lost: stored as sent, and shown to its author on the article.
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/articles/xss-target#comment-");
        long id = Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
        Comment stored = site.gazette().comments().find(id).orElseThrow();
        assertThat(stored.bodyMarkdown()).isEqualTo(("Text " + vector).strip());
        assertThat(stored.authorName()).isEqualTo(form.get("author").strip());
        assertThat(stored.authorUrl()).isEqualTo(form.get("url"));
        Document doc = reader.page("/articles/xss-target");
        Element shown = doc.getElementById("comment-" + id);
        assertThat(shown).as("the reply on its author's page").isNotNull();
        assertThat(shown.select(".author").text()).isEqualTo(stored.authorName());
        assertThat(shown.select(".author a").attr("href")).isEqualTo(stored.authorUrl());
        assertThat(shown.select(".reply-body").text()).startsWith("Text");
        assertThat(shown.select(".reply-body").html()).isEqualTo(Jsoup.parseBodyFragment(stored.bodyHtml()).body().html());
        assertInert(doc);

        // The raw vector as a website: refused with the field named and every word kept, or taken in; inert either way.
        Browser other = new Browser(site);
        Map<String, String> raw = new HashMap<>(Browser.fields(other.page("/articles/xss-target"), "form.reply-form"));
        raw.put("comment", "Website " + vector);
        raw.put("author", "Website tester");
        raw.put("email", "w@example.org");
        raw.put("url", "https://ok.example/" + vector.replaceAll("\\s", ""));
        HttpResponse<String> tried = other.post("/articles/xss-target/comments", raw);
        assertThat(tried.statusCode()).isIn(303, 422);
        if (tried.statusCode() == 422) {
            Document again = Jsoup.parse(tried.body());
            assertThat(again.select("#url-error").text()).contains("website address");
            assertThat(again.select("form.reply-form textarea[name=comment]").text()).isEqualTo(("Website " + vector).strip());
            assertInert(again);
        } else {
            assertInert(other.page("/articles/xss-target"));
        }
    }

    private static void assertInert(Document doc) {
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
