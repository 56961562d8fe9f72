package dev.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.web.TestSite;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class FeedsHttpTest {
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(false, gazette -> {
            Instant now = Instant.now();
            for (int i = 1; i <= 25; i++) {
                gazette.articles().create(new ArticleDraft("Story number " + i + " & more", "Summary " + i, "Body " + i,
                        "Reporter", i % 2 == 0 ? "World" : "Politics", i % 5 == 0 ? List.of("Elections") : List.of(),
                        ArticleState.PUBLISHED, Optional.of(now.minusSeconds(1000 - i)), Optional.empty()));
            }
            gazette.articles().create(new ArticleDraft("A hidden draft", "", "x", "R", "World", List.of("Elections"),
                    ArticleState.DRAFT, Optional.empty(), Optional.empty()));
        });
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static SyndFeed feed(String path, String mediaType) throws Exception {
        HttpResponse<String> response = site.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(mediaType);
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    @Test
    void siteRssFeedHasTheLatestTwentyStories() throws Exception {
        SyndFeed rss = feed("/feed.xml", "application/rss+xml");
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getTitle()).isEqualTo("Test Gazette");
        assertThat(rss.getEntries()).hasSize(20);
        SyndEntry first = rss.getEntries().get(0);
        assertThat(first.getTitle()).isEqualTo("Story number 25 & more");
        assertThat(first.getLink()).isEqualTo(site.url("/articles/story-number-25-more"));
        assertThat(rss.getEntries()).extracting(SyndEntry::getTitle).doesNotContain("A hidden draft");
    }

    @Test
    void siteAtomFeedParsesBack() throws Exception {
        SyndFeed atom = feed("/atom.xml", "application/atom+xml");
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getEntries()).hasSize(20);
        assertThat(atom.getEntries().get(0).getContents().get(0).getValue()).contains("Body 25");
    }

    @Test
    void tagFeedsHoldOnlyThatTag() throws Exception {
        assertThat(feed("/tags/elections/feed.xml", "application/rss+xml").getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("Story number 25 & more", "Story number 20 & more", "Story number 15 & more",
                        "Story number 10 & more", "Story number 5 & more");
        assertThat(feed("/tags/elections/atom.xml", "application/atom+xml").getEntries()).hasSize(5);
        assertThat(site.get("/tags/unknown/feed.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void sitemapListsEveryPublicArticle() throws Exception {
        HttpResponse<String> response = site.get("/sitemap.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        Document xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(response.body())));
        var locs = xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        assertThat(locs.getLength()).isEqualTo(25 + 2);
        assertThat(response.body()).contains(site.url("/articles/story-number-1-more")).doesNotContain("hidden-draft");
    }

    @Test
    void robotsPointsAtTheSitemap() {
        HttpResponse<String> response = site.get("/robots.txt");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Sitemap: " + site.url("/sitemap.xml")).contains("User-agent: *");
    }
}
