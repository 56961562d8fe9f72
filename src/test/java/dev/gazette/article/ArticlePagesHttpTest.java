package dev.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.web.HtmlChecker;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticlePagesHttpTest {
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(false, gazette -> {
            Articles articles = gazette.articles();
            Instant now = Instant.now();
            articles.create(new ArticleDraft("Harbour bridge reopens after repairs", "Traffic flows again.",
                    "Engineers finished the work.\n\n> It took two years.\n", "Mara Quill", "World",
                    List.of("Transport", "Infrastructure"), ArticleState.PUBLISHED,
                    Optional.of(now.minus(3, ChronoUnit.HOURS)),
                    Optional.of(new Source("Bridge back in service", "Harbour Times", "Meridian Press Agency",
                            Optional.of("https://harbourtimes.example/bridge")))));
            articles.create(new ArticleDraft("Council <script>alert(1)</script> budget", "A summary with \"quotes\" & more.",
                    "Text <script>alert('x')</script> and <a href=\"javascript:alert(1)\">a link</a>.", "Ivo Penn",
                    "Politics", List.of("Budget"), ArticleState.PUBLISHED, Optional.of(now.minus(2, ChronoUnit.HOURS)),
                    Optional.empty()));
            articles.create(new ArticleDraft("Chip plant opens", "", "A new factory.", "Lu Fen", "Technology",
                    List.of("Transport"), ArticleState.PUBLISHED, Optional.of(now.minus(1, ChronoUnit.HOURS)),
                    Optional.empty()));
            articles.create(new ArticleDraft("Unfinished draft", "", "Not yet.", "Lu Fen", "Technology",
                    List.of(), ArticleState.DRAFT, Optional.empty(), Optional.empty()));
        });
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Document page(String path) {
        HttpResponse<String> response = site.get(path);
        assertThat(response.statusCode()).as(path.length() > 80 ? path.substring(0, 80) + "…" : path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        return Jsoup.parse(response.body(), site.url(path));
    }

    @Test
    void homeListsPublicStoriesNewestFirst() {
        Document home = page("/");
        assertThat(home.select(".story h2 a").eachText())
                .containsExactly("Chip plant opens", "Council <script>alert(1)</script> budget", "Harbour bridge reopens after repairs");
        assertThat(home.select("html").attr("lang")).isEqualTo("en");
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo(site.url("/"));
        assertThat(home.select("nav.sections a").eachText()).contains("Latest", "World", "Politics", "Technology", "About");
        assertThat(home.select("link[rel=alternate][type=application/rss+xml]").attr("href")).isEqualTo("/feed.xml");
    }

    @Test
    void articlePageShowsBylineSourceTagsAndNeighbours() throws Exception {
        Document doc = page("/articles/harbour-bridge-reopens-after-repairs");
        assertThat(doc.select("h1").text()).isEqualTo("Harbour bridge reopens after repairs");
        assertThat(doc.select(".byline").text()).isEqualTo("Mara Quill");
        assertThat(doc.select(".source").text())
                .isEqualTo("Source: Bridge back in service – Harbour Times – Meridian Press Agency");
        assertThat(doc.select(".source a").attr("href")).isEqualTo("https://harbourtimes.example/bridge");
        assertThat(doc.select(".reported").text()).isEqualTo("Reported by Meridian Press Agency");
        assertThat(doc.select(".tags a").eachAttr("href")).containsExactly("/tags/infrastructure", "/tags/transport");
        assertThat(doc.select(".body blockquote").text()).isEqualTo("It took two years.");
        assertThat(doc.select(".neighbours a[rel=next]").attr("href")).isEqualTo("/articles/council-script-alert-1-script-budget");
        assertThat(doc.select(".neighbours a[rel=prev]")).isEmpty();
        assertThat(doc.select("#comments")).hasSize(1);
        assertThat(doc.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(doc.select("meta[property=og:title]").attr("content")).isEqualTo("Harbour bridge reopens after repairs");

        JsonNode ld = new ObjectMapper().readTree(doc.select("script[type=application/ld+json]").html());
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asText()).isEqualTo("Harbour bridge reopens after repairs");
        assertThat(ld.get("author").get(0).get("name").asText()).isEqualTo("Mara Quill");
    }

    @Test
    void hostileTextIsEscapedOrSanitized() {
        HttpResponse<String> response = site.get("/articles/council-script-alert-1-script-budget");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("javascript:");
        Document doc = Jsoup.parse(response.body());
        assertThat(doc.select("h1").text()).isEqualTo("Council <script>alert(1)</script> budget");
        assertThat(doc.select(".body script")).isEmpty();
        // The JSON-LD keeps the headline but cannot close its script element early.
        assertThat(doc.select("script[type=application/ld+json]").html()).contains("\\u003cscript\\u003e");
    }

    @Test
    void sectionTagAndAboutPages() {
        assertThat(page("/sections/world").select(".story h2").eachText()).containsExactly("Harbour bridge reopens after repairs");
        assertThat(page("/tags/transport").select(".story h2").eachText())
                .containsExactly("Chip plant opens", "Harbour bridge reopens after repairs");
        assertThat(page("/about").select("h1").text()).startsWith("About");
    }

    @Test
    void searchFindsPublicStoriesAndSurvivesHostileQueries() {
        assertThat(page("/search?q=bridge").select(".story h2").eachText()).containsExactly("Harbour bridge reopens after repairs");
        assertThat(page("/search?q=unfinished").select(".story")).isEmpty();
        assertThat(page("/search?q=").select(".intro").text()).contains("Type a few words");
        Document longQuery = page("/search?q=" + "a".repeat(10_000));
        assertThat(longQuery.select(".intro").text()).contains("No stories match").hasSizeLessThan(400);
        assertThat(page("/search?q=%22%20OR%20*").select(".story")).isEmpty();
    }

    @Test
    void unknownDraftAndMalformedAddressesGet404PagesThatLookLikeTheSite() {
        for (String path : List.of("/articles/no-such-story", "/articles/unfinished-draft", "/tags/nothing", "/sections/sport",
                "/articles/%3Cscript%3E", "/no/such/page", "/?page=99")) {
            HttpResponse<String> response = site.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            Document doc = Jsoup.parse(response.body());
            assertThat(doc.select("h1").text()).as(path).isEqualTo("Page not found");
            assertThat(doc.select(".brand").text()).isEqualTo("Test Gazette");
        }
    }

    @Test
    void badPageNumbersGetAClear400() {
        for (String path : List.of("/?page=-1", "/?page=abc", "/?page=0", "/tags/transport?page=1.5", "/search?q=x&page=99999999999")) {
            HttpResponse<String> response = site.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(Jsoup.parse(response.body()).select(".error-page h1 + p").text())
                    .contains("page number must be a whole number");
        }
    }

    @Test
    void articlePagesAnswerConditionalRequestsWith304() {
        HttpResponse<String> first = site.get("/articles/chip-plant-opens");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = site.get("/articles/chip-plant-opens", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(site.get("/articles/chip-plant-opens", "If-None-Match", "W/\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void everyPageCarriesSecurityHeaders() {
        HttpResponse<String> response = site.get("/");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("object-src 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void healthCheckAnswersWhileTheDatabaseDoes() {
        assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesAreValidHtml() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : List.of("/", "/articles/harbour-bridge-reopens-after-repairs",
                "/articles/council-script-alert-1-script-budget", "/sections/world", "/tags/transport",
                "/search?q=bridge", "/search?q=", "/about", "/no-such-page", "/?page=abc")) {
            pages.put(path.replaceAll("[^a-z0-9]+", "_"), site.get(path).body());
        }
        HtmlChecker.assertValid(pages);
    }
}
