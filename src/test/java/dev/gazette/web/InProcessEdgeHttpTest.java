package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page sent once as the same for everyone is answered to the next reader without cookies before any route runs,
 * with exactly the response the routes gave: the same bytes in each encoding, the same headers, 304s and HEADs.
 */
class InProcessEdgeHttpTest {
    static TestSite site;
    static String article;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        site = TestSite.start(true, 0, dev.gazette.comment.CommentSettings.defaults(),
                dev.gazette.akismet.AkismetSettings.defaults(), TrustedProxies.parse("127.0.0.1"), CachePolicy.defaults(),
                g -> {});
        article = Jsoup.parse(site.get("/").body()).select("a[href^=/articles/]").first().attr("href");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void theSecondAnonymousRequestGetsTheRoutesResponseWithoutThem() {
        for (String path : List.of("/", article, "/about", "/feed.xml")) {
            for (String encoding : List.of("br", "gzip", "identity")) {
                site.gazette().clearPageCache();
                HttpResponse<byte[]> routed = get(path, "Accept-Encoding", encoding);
                long before = edgeHits();
                HttpResponse<byte[]> early = get(path, "Accept-Encoding", encoding);
                assertThat(edgeHits()).as(path + " " + encoding).isEqualTo(before + 1);
                assertThat(early.statusCode()).isEqualTo(200);
                assertThat(early.body()).as(path + " " + encoding).isEqualTo(routed.body());
                assertThat(headers(early.headers())).as(path + " " + encoding).isEqualTo(headers(routed.headers()));
            }
        }
    }

    @Test
    void aBrowserWithCookiesAlwaysReachesTheRoutes() {
        get(article, "Accept-Encoding", "gzip");
        long before = edgeHits();
        HttpResponse<byte[]> withCookie = get(article, "Cookie", "gazette_own=1.abc");
        assertThat(withCookie.statusCode()).isEqualTo(200);
        assertThat(edgeHits()).isEqualTo(before);
    }

    @Test
    void conditionalAndHeadRequestsAreAnsweredAsTheRoutesWould() {
        HttpResponse<byte[]> full = get(article);
        String etag = full.headers().firstValue("ETag").orElseThrow();
        long before = edgeHits();
        HttpResponse<byte[]> notModified = get(article, "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).contains(etag);
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(URI.create(site.url(article)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(full.body().length));
        assertThat(edgeHits()).isEqualTo(before + 2);
    }

    @Test
    void aPageAskedForOverHttpsKeepsItsOwnHeaders() {
        get("/about");
        get("/about", "X-Forwarded-Proto", "https");
        HttpResponse<byte[]> plain = get("/about");
        HttpResponse<byte[]> secure = get("/about", "X-Forwarded-Proto", "https");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void aChangeReachesTheNextReaderAtOnce() {
        site.gazette().clearPageCache();
        get("/about");
        get("/about");
        long before = edgeHits();
        site.gazette().clearPageCache();
        get("/about");
        assertThat(edgeHits()).isEqualTo(before);
    }

    @Test
    void aRemovedStoryIsGoneForEveryReaderAfterTheOneWhoFoundItGone() {
        dev.gazette.article.Article story = site.gazette().articles().create(new dev.gazette.article.ArticleDraft(
                "A story about to be withdrawn", "A short summary.", "A few words of body text.", "Staff", "World",
                List.of(), dev.gazette.article.ArticleState.PUBLISHED,
                java.util.Optional.of(java.time.Instant.now().minusSeconds(600)), java.util.Optional.empty()));
        String path = "/articles/" + story.slug();
        get(path);
        assertThat(get(path).statusCode()).isEqualTo(200);
        site.gazette().articles().delete(story.id());
        assertThat(get(path).statusCode()).as("the reader who refreshes the kept page").isEqualTo(404);
        assertThat(get(path).statusCode()).as("the next one: the kept page went with it").isEqualTo(404);
    }

    private long edgeHits() {
        return site.gazette().pageCache().edgeHits();
    }

    /** Every header but the date and the message's framing (a length, or chunks), which the server sets each time. */
    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> kept = new TreeMap<>(headers.map());
        kept.keySet().removeAll(List.of("date", "content-length", "transfer-encoding"));
        return kept;
    }

    private HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path))).GET();
        if (headers.length > 0) request.headers(headers);
        return send(request);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
