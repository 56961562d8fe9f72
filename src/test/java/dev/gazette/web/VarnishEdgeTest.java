package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import dev.gazette.account.Role;
import dev.gazette.akismet.AkismetSettings;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.SaveResult;
import dev.gazette.article.Tag;
import dev.gazette.comment.CommentSettings;
import dev.gazette.comment.CommentState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gazette behind a real Varnish running the shipped VCL: anonymous views are shared, changes show through at once
 * (the site purges the keys they touch), and nothing personal is ever stored or handed to another reader.
 */
class VarnishEdgeTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration SHOWS_WITHIN = Duration.ofSeconds(2);

    static TestSite site;
    static Varnish varnish;
    static final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        int port = Varnish.freePort();
        site = TestSite.start(true, 0, CommentSettings.defaults(), AkismetSettings.defaults(),
                CachePolicy.defaults().withPurgeUrls(List.of(URI.create("http://127.0.0.1:" + port + "/"))),
                g -> g.accounts().add("mod@example.org", "Mo Moderator", Role.MODERATOR, PASSWORD));
        varnish = Varnish.start(port, URI.create(site.url("/")).getPort());
    }

    @AfterAll
    static void stop() {
        if (varnish != null) varnish.close();
        if (site != null) site.close();
    }

    @Test
    void anonymousViewsAreHits() {
        String article = anArticle(0);
        for (String path : List.of("/", article, "/feed.xml", "/sitemap.xml")) {
            HttpResponse<String> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            HttpResponse<String> hit = againAHit(path);
            assertThat(hit.body()).as(path).isEqualTo(get(path).body());
            assertThat(hit.headers().firstValue("Surrogate-Key").orElse("")).as(path).startsWith("site ");
        }
    }

    @Test
    void aPendingReplyReachesOnlyItsAuthorAndAnApprovedOneShowsThroughAtOnce() {
        String article = anArticle(1);
        String words = "Waiting for a moderator, seen by me alone.";
        againAHit(article);

        Browser author = new Browser(varnish::url);
        Map<String, String> form = new HashMap<>(Browser.fields(author.page(article), "form.reply-form"));
        form.put("comment", words);
        form.put("author", "Careful Reader");
        form.put("email", "careful@example.org");
        HttpResponse<String> sent = author.post(article + "/comments", form);
        assertThat(sent.statusCode()).isEqualTo(303);
        String location = sent.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
        assertThat(site.gazette().comments().find(id).orElseThrow().state()).isEqualTo(CommentState.PENDING);

        HttpResponse<String> own = author.get(article);
        assertThat(own.body()).contains(words);
        assertThat(own.headers().firstValue("X-Cache")).hasValue("PASS");
        for (int i = 0; i < 3; i++) {
            assertThat(get(article).body()).as("an anonymous reader's view").doesNotContain(words);
        }

        site.gazette().comments().moderate(id, CommentState.APPROVED);
        assertThat(eventually(article, body -> body.contains(words))).as("the approved reply through the cache")
                .contains(words);
    }

    @Test
    void anEditShowsThroughAtOnce() {
        String path = anArticle(2);
        againAHit(path);
        againAHit("/");

        Article article = site.gazette().articles().published(path.substring("/articles/".length())).orElseThrow();
        String title = "Corrected: " + article.title();
        SaveResult saved = site.gazette().articles().update(article.id(), article.version(), article.slug(),
                new ArticleDraft(title, article.summary(), article.bodyMarkdown() + "\n\nCorrection appended.",
                        article.author(), article.section().name(), article.tags().stream().map(Tag::name).toList(),
                        article.state(), article.publishedAt(), article.source()));
        assertThat(saved).isInstanceOf(SaveResult.Stored.class);

        assertThat(eventually(path, body -> body.contains("Correction appended."))).contains(title);
        assertThat(eventually("/", body -> body.contains(title))).contains(title);
    }

    @Test
    void staffPagesAndPersonalResponsesAreNeverStored() {
        Browser staff = new Browser(varnish::url);
        HttpResponse<String> signedIn = StaffBrowser.submitSignIn(staff, "mod@example.org", PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        for (String path : List.of("/admin", "/admin/replies", "/")) {
            HttpResponse<String> first = staff.get(path);
            HttpResponse<String> second = staff.get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().firstValue("X-Cache")).as(path).hasValue("PASS");
            assertThat(second.headers().firstValue("X-Cache")).as(path).hasValue("PASS");
        }
        // The newsroom's pages are not there for anyone without the session either.
        assertThat(get("/admin").headers().firstValue("X-Cache")).isNotEqualTo(Optional.of("HIT"));

        // A reader's own view of a form (replying to someone) is private: a cache never turns it into a hit.
        String replyTo = anArticle(0) + "?replyto=1";
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = get(replyTo);
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(replyTo).contains("private");
            assertThat(response.headers().firstValue("X-Cache")).as(replyTo).isNotEqualTo(Optional.of("HIT"));
        }
    }

    @Test
    void brotliReadersGetGazettesBrotliCopyOthersGzipOrPlainAndAnEditReachesEveryCopy() throws IOException {
        String path = anArticle(3);
        // What a browser says it takes, and what it must get back from the cache.
        Map<String, String> asks = new LinkedHashMap<>();
        asks.put("gzip, deflate, br", "br");
        asks.put("br", "br");
        asks.put("gzip, deflate, br;q=0", "gzip");
        asks.put("gzip", "gzip");
        asks.put("", "");
        String plain = null;
        for (Map.Entry<String, String> ask : asks.entrySet()) {
            HttpResponse<byte[]> hit = againAHit(path, ask.getKey());
            assertThat(hit.headers().firstValue("Content-Encoding").orElse("")).as(ask.getKey())
                    .isEqualTo(ask.getValue());
            String page = decoded(hit);
            if (plain == null) plain = page;
            assertThat(page).as("the page, decoded, asked with " + ask.getKey()).isEqualTo(plain).contains("</html>");
        }

        Article article = site.gazette().articles().published(path.substring("/articles/".length())).orElseThrow();
        SaveResult saved = site.gazette().articles().update(article.id(), article.version(), article.slug(),
                new ArticleDraft(article.title(), article.summary(), article.bodyMarkdown() + "\n\nUpdate for every copy.",
                        article.author(), article.section().name(), article.tags().stream().map(Tag::name).toList(),
                        article.state(), article.publishedAt(), article.source()));
        assertThat(saved).isInstanceOf(SaveResult.Stored.class);
        for (String acceptEncoding : asks.keySet()) {
            Instant deadline = Instant.now().plus(SHOWS_WITHIN);
            String page = decoded(get(path, acceptEncoding));
            while (!page.contains("Update for every copy.") && Instant.now().isBefore(deadline)) {
                sleep();
                page = decoded(get(path, acceptEncoding));
            }
            assertThat(page).as("the edited page through the cache, asked with " + acceptEncoding)
                    .contains("Update for every copy.");
        }
    }

    /** The path of one of the sample stories on the home page. */
    private static String anArticle(int index) {
        Document home = Jsoup.parse(site.get("/").body());
        return home.select("a[href^=/articles/]").eachAttr("href").stream().filter(h -> !h.contains("#"))
                .distinct().toList().get(index);
    }

    /**
     * Asks twice through the cache and expects the second answer to come from it. The site sends each purge again a
     * few seconds later, which may fall between the two; that can happen once, not three times in a row.
     */
    private static HttpResponse<String> againAHit(String path) {
        HttpResponse<String> second = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            get(path);
            second = get(path);
            if (second.headers().firstValue("X-Cache").orElse("").equals("HIT")) return second;
        }
        assertThat(second.headers().firstValue("X-Cache")).as(path + " asked again through the cache").hasValue("HIT");
        return second;
    }

    /** Asks twice through the cache, as a browser that takes {@code acceptEncoding}, expecting the second a hit. */
    private static HttpResponse<byte[]> againAHit(String path, String acceptEncoding) {
        HttpResponse<byte[]> second = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            get(path, acceptEncoding);
            second = get(path, acceptEncoding);
            if (second.headers().firstValue("X-Cache").orElse("").equals("HIT")) return second;
        }
        assertThat(second.headers().firstValue("X-Cache")).as(path + " asked again with " + acceptEncoding)
                .hasValue("HIT");
        return second;
    }

    private static HttpResponse<byte[]> get(String path, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(varnish.url(path)));
        if (!acceptEncoding.isEmpty()) request.header("Accept-Encoding", acceptEncoding);
        try {
            return anonymous.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body as text, undoing its Content-Encoding. */
    private static String decoded(HttpResponse<byte[]> response) throws IOException {
        String coding = response.headers().firstValue("Content-Encoding").orElse("");
        byte[] bytes = switch (coding) {
            case "" -> response.body();
            case "gzip" -> {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
                    yield in.readAllBytes();
                }
            }
            case "br" -> {
                Brotli4jLoader.ensureAvailability();
                yield Decoder.decompress(response.body()).getDecompressedData();
            }
            default -> throw new AssertionError("Unexpected Content-Encoding " + coding);
        };
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Asks through the cache until the page passes, or the deadline passes; returns the last body. */
    private static String eventually(String path, Predicate<String> shows) {
        Instant deadline = Instant.now().plus(SHOWS_WITHIN);
        String body = get(path).body();
        while (!shows.test(body) && Instant.now().isBefore(deadline)) {
            sleep();
            body = get(path).body();
        }
        return body;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String path) {
        try {
            return anonymous.send(HttpRequest.newBuilder(URI.create(varnish.url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
