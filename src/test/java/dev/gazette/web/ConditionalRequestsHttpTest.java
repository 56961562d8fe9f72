package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Validators and encodings: a browser's "has it changed?" and "gzip, br" are answered right on every route. */
class ConditionalRequestsHttpTest {
    static TestSite site;
    static String article;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        site = TestSite.start(true, g -> {});
        article = Jsoup.parse(site.get("/").body()).select("a[href^=/articles/]").first().attr("href");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path))).GET();
        if (headers.length > 0) request.headers(headers);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMatchingValidatorGetsNotModifiedOrTheWholePageNeverAnEmptyOne() {
        for (String path : List.of("/", article, "/about", "/privacy", "/feed.xml", "/sitemap.xml", "/admin/login",
                "/admin", "/search?q=river")) {
            HttpResponse<byte[]> first = get(path);
            String etag = first.headers().firstValue("ETag").orElse("");
            if (etag.isEmpty()) continue;
            HttpResponse<byte[]> again = get(path, "If-None-Match", etag);
            if (again.statusCode() == 304) {
                assertThat(again.body()).as(path).isEmpty();
            } else {
                assertThat(again.statusCode()).as(path).isEqualTo(first.statusCode());
                assertThat(again.body()).as(path + " answered " + again.statusCode() + " with an empty body").isNotEmpty();
            }
        }
    }

    @Test
    void sharedPagesAreSentCompressedAsTheBrowserAsks() throws IOException {
        HttpResponse<byte[]> plain = get(article);
        HttpResponse<byte[]> gzip = get(article, "Accept-Encoding", "gzip, deflate");
        HttpResponse<byte[]> brotli = get(article, "Accept-Encoding", "gzip, deflate, br");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        for (HttpResponse<byte[]> r : List.of(plain, gzip, brotli)) {
            assertThat(r.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
            assertThat(r.headers().firstValue("ETag")).isEqualTo(plain.headers().firstValue("ETag"));
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
        }
        assertThat(brotli.body().length).isLessThan(plain.body().length / 2);
        HttpResponse<byte[]> notModified = get(article, "Accept-Encoding", "gzip", "If-None-Match",
                gzip.headers().firstValue("ETag").orElseThrow());
        assertThat(notModified.statusCode()).isEqualTo(304);
        HttpResponse<byte[]> refused = get(article, "Accept-Encoding", "gzip;q=0, br;q=0");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    }
}
