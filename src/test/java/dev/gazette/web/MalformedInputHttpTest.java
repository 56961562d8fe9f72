package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Input a browser would never send, or a broken one might: each gets a 4xx in the site's own look that says what
 * to change, and none is logged as the server's fault.
 */
class MalformedInputHttpTest {
    private static final String ARTICLE = "/articles/tram-line-extended";
    private static TestSite site;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void start() {
        site = TestSite.start(false, g -> g.articles().create(new ArticleDraft("Tram line extended", "Two stops more.",
                "The line now reaches the harbour.", "Mara Quill", "City", List.of("Transport"), ArticleState.PUBLISHED,
                Optional.of(Instant.now().minus(1, ChronoUnit.HOURS)), Optional.empty())));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @BeforeEach
    void listen() {
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(logged);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void anAvatarKeyTooShortToDrawIsNotFound() {
        HttpResponse<String> r = site.get("/avatars/AAAAAAAAAAAAAAAA.svg");
        assertStyledError(r, 404);
    }

    @Test
    void anAvatarKeyLongEnoughIsDrawn() {
        HttpResponse<String> r = site.get("/avatars/AAAAAAAAAAAAAAAAAAAA.svg");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("<svg");
    }

    @Test
    void aRememberedDetailsCookieThatIsNotPercentEncodingIsIgnoredAndCleared() {
        HttpResponse<String> r = site.get(ARTICLE, "Cookie", "gazette_commenter=%E0%A4%A");
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("h1").text()).contains("Tram line extended");
        assertThat(page.select("form input[name=author]").attr("value")).isEmpty();
        assertThat(r.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("gazette_commenter=;").containsAnyOf("Max-Age=0", "Expires=Thu, 01 Jan 1970"));
        assertNoErrorLogged();
    }

    @Test
    void aRememberedDetailsCookieThatIsValidStillFillsTheForm() {
        HttpResponse<String> r = site.get(ARTICLE, "Cookie", "gazette_commenter=Ada%0Aada%40example.org%0A");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(r.body()).select("form input[name=author]").attr("value")).isEqualTo("Ada");
    }

    @Test
    void aReplyFormInAnUnknownCharsetIsRefused() {
        HttpResponse<String> r = post(ARTICLE + "/comments",
                "application/x-www-form-urlencoded; charset=nonsense", "comment=Hello&author=Ada");
        assertStyledError(r, 415);
        assertThat(text(r)).contains("UTF-8");
    }

    @Test
    void aStaffFormInAnUnknownCharsetIsRefused() {
        HttpResponse<String> r = post("/admin/login",
                "application/x-www-form-urlencoded; charset=nonsense", "email=a%40example.org&password=x");
        assertStyledError(r, 415);
        HttpResponse<String> illegalName = post("/admin/login",
                "application/x-www-form-urlencoded; charset=\"ut f\"", "email=a%40example.org&password=x");
        assertStyledError(illegalName, 415);
    }

    @Test
    void aMultipartReplyWithoutBoundaryIsRefused() {
        HttpResponse<String> r = post(ARTICLE + "/comments", "multipart/form-data",
                "--x\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nHello\r\n--x--\r\n");
        assertStyledError(r, 400);
    }

    @Test
    void aBrokenMultipartReplyIsRefused() {
        HttpResponse<String> r = post(ARTICLE + "/comments", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nHello, and then the body just sto");
        assertStyledError(r, 400);
    }

    @Test
    void aBrokenMultipartStaffFormIsRefused() {
        HttpResponse<String> r = post("/admin/login", "multipart/form-data; boundary=x",
                "garbage without any boundary line");
        assertStyledError(r, 400);
    }

    private void assertStyledError(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        Document page = Jsoup.parse(r.body());
        assertThat(page.select(".error-page .status").text()).isEqualTo("Error " + status);
        assertThat(page.select(".error-page p").get(1).text()).as("says what to do").isNotBlank();
        assertNoErrorLogged();
    }

    private static String text(HttpResponse<String> r) {
        return Jsoup.parse(r.body()).select(".error-page").text();
    }

    private void assertNoErrorLogged() {
        assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .as("logged at ERROR").isEmpty();
        assertThat(logged.list).filteredOn(e -> e.getThrowableProxy() != null)
                .as("logged with a stack trace").isEmpty();
    }

    private HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(site.url(path)))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
