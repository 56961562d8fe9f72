package dev.gazette.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.web.Browser;
import dev.gazette.web.TestSite;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site on a real PostgreSQL that stops under it and starts again: styled 503s with Retry-After while it is away,
 * readiness says so and liveness does not, a reply is given back to its writer, and all comes back without a restart.
 */
class DatabaseOutageTest {
    static final String ARTICLE = "/articles/harbour-city-switches-on-its-tidal-barrier-after-a-decade-of-delays";

    @TempDir
    Path dir;
    EmbeddedPostgres postgres;
    TestSite site;
    int port;

    @AfterEach
    void stop() throws IOException {
        if (site != null) site.close();
        if (postgres != null) postgres.close();
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(false).start();
    }

    @Test
    void aStoppedDatabaseGivesStyled503sKeepsTheReplyAndRecoversWithoutRestart() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = startPostgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE outage");
        }
        site = TestSite.on(postgres.getJdbcUrl("postgres", "outage"), Files.createDirectories(dir.resolve("data")),
                OpsSettings.defaults());
        Browser reader = new Browser(site);
        Map<String, String> form = new HashMap<>(Browser.fields(reader.page(ARTICLE), "form.reply-form"));
        form.put("comment", "The barrier held through the spring tide; my street stayed dry.");
        form.put("author", "Morgan Vale");
        form.put("email", "morgan@example.org");
        assertThat(site.get("/readyz").statusCode()).isEqualTo(200);
        assertThat(site.get("/search?q=barrier").statusCode()).isEqualTo(200);

        postgres.close();
        postgres = null;

        HttpResponse<String> search = timed("search while the database is down", () -> site.get("/search?q=tide"));
        assertThat(search.statusCode()).isEqualTo(503);
        assertThat(search.headers().firstValue("Retry-After")).hasValue("10");
        Document page = Jsoup.parse(search.body());
        assertThat(page.select("link[rel=stylesheet]").attr("href")).startsWith("/static/");
        assertThat(page.select("h1").text()).isEqualTo("The site is unavailable for a moment");
        assertThat(page.select("nav a").eachText()).contains("Latest");

        HttpResponse<String> reply = timed("reply while the database is down",
                () -> reader.post(ARTICLE + "/comments", form));
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.headers().firstValue("Retry-After")).hasValue("10");
        Document kept = Jsoup.parse(reply.body());
        assertThat(kept.select("h1").text()).isEqualTo("Your reply was not saved");
        assertThat(kept.select("textarea#comment").text()).isEqualTo(form.get("comment"));
        assertThat(kept.select("input#author").attr("value")).isEqualTo("Morgan Vale");
        assertThat(kept.select("input#email").attr("value")).isEqualTo("morgan@example.org");
        assertThat(kept.select("form.reply-form").attr("action")).isEqualTo(ARTICLE + "/comments");
        assertThat(kept.select("input[name=form_token]").attr("value")).isEqualTo(form.get("form_token"));
        assertThat(kept.select(".form-error").text()).contains("could not save your reply");

        assertThat(eventually(() -> site.get("/readyz"), 503).body()).contains("database");
        assertThat(timed("healthz while the database is down", () -> site.get("/healthz")).statusCode()).isEqualTo(503);
        assertThat(site.get("/livez").statusCode()).isEqualTo(200);

        postgres = startPostgres();

        assertThat(eventually(() -> site.get("/readyz"), 200).body()).contains("ok");
        assertThat(eventually(() -> site.get("/search?q=tide"), 200).body()).contains("tide");
        HttpResponse<String> again = reader.post(ARTICLE + "/comments", Browser.fields(kept, "form.reply-form"));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).contains(ARTICLE + "#comment-");
    }

    /** Prints how long the request took (for bench/faults), and never asserts it. */
    static <T> T timed(String what, Supplier<T> request) {
        long start = System.nanoTime();
        T result = request.get();
        System.out.printf("FAULTS %s: %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    static HttpResponse<String> eventually(Supplier<HttpResponse<String>> request, int status) throws InterruptedException {
        HttpResponse<String> last = request.get();
        for (int i = 0; i < 300 && last.statusCode() != status; i++) {
            Thread.sleep(100);
            last = request.get();
        }
        return last;
    }
}
