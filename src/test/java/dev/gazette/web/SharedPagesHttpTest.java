package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Anonymous pages are the same bytes for everyone, so a cache may share them; personal ones never are. */
class SharedPagesHttpTest {
    static TestSite site;
    static String article;

    @BeforeAll
    static void start() {
        site = TestSite.start(true, g -> {});
        Document home = Jsoup.parse(site.get("/").body());
        article = home.select("a[href^=/articles/]").first().attr("href");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void everyPublicPageIsTheSameBytesForEveryoneAndSetsNoCookie() {
        Document page = Jsoup.parse(site.get(article).body());
        String section = page.select("a[href^=/sections/]").first().attr("href");
        String tag = page.select("a[href^=/tags/]").first().attr("href");
        for (String path : List.of("/", article, section, tag, "/about", "/privacy", "/feed.xml", "/atom.xml",
                "/comments/feed.xml", article + "/comments/feed.xml", "/sitemap.xml", "/robots.txt")) {
            HttpResponse<String> first = site.get(path);
            HttpResponse<String> second = site.get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(second.body()).as(path).isEqualTo(first.body());
            assertThat(first.headers().firstValue("Cache-Control").orElse("")).as(path)
                    .startsWith("public").contains("s-maxage=").contains("stale-while-revalidate=")
                    .contains("stale-if-error=");
        }
    }

    @Test
    void aCachedPagePostsFromAFreshBrowserWithoutCookies() {
        // The page a cache kept (or a browser kept over a restart) carries nothing tied to one reader.
        Document cached = Jsoup.parse(site.get(article).body());
        Browser stranger = new Browser(site);
        Map<String, String> form = new HashMap<>(Browser.fields(cached, "form.reply-form"));
        form.put("comment", "Posted from a page the cache kept.");
        form.put("author", "Cache Reader");
        form.put("email", "cached@example.org");
        HttpResponse<String> sent = stranger.post(article + "/comments", form);
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).contains("#comment-");
    }

    @Test
    void crossSitePostsAreRefusedByFetchMetadataAndOrigin() {
        Map<String, String> form = new HashMap<>(Browser.fields(Jsoup.parse(site.get(article).body()), "form.reply-form"));
        form.put("comment", "Sent from another site's page.");
        form.put("author", "Elsewhere");
        form.put("email", "elsewhere@example.org");
        assertThat(site.postForm(article + "/comments", form, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(site.postForm(article + "/comments", form, "Origin", "https://attacker.example").statusCode())
                .isEqualTo(403);
        form.put("comment", "Sent from this site's own page.");
        assertThat(site.postForm(article + "/comments", form, "Sec-Fetch-Site", "same-origin", "Origin",
                site.url("")).statusCode()).isEqualTo(303);
    }

    @Test
    void whatIsPersonalIsNeverStoredByACache() {
        Browser author = new Browser(site);
        Map<String, String> form = new HashMap<>(Browser.fields(author.page(article), "form.reply-form"));
        form.put("comment", "My own words, waiting for a moderator.");
        form.put("author", "Pending Reader");
        form.put("email", "pending@example.org");
        form.put("remember", "yes");
        HttpResponse<String> sent = author.post(article + "/comments", form);
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        HttpResponse<String> own = author.get(article);
        assertThat(own.body()).contains("My own words, waiting for a moderator.");
        assertThat(own.headers().firstValue("Cache-Control").orElse("")).isEqualTo("private, no-store");

        HttpResponse<String> replyTo = site.get(article + "?replyto=1");
        assertThat(replyTo.headers().firstValue("Cache-Control").orElse("")).isEqualTo("private, no-store");
        assertThat(site.get(article).body()).doesNotContain("My own words, waiting for a moderator.");
    }
}
