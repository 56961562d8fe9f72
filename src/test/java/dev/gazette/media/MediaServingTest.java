package dev.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.ops.OpsSettings;
import dev.gazette.store.TestDatabases;
import dev.gazette.web.TestSite;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A picture as readers get it, on one node (files on disk) and on several (bytes in PostgreSQL, or files in an S3
 * bucket): the exact headers and bytes the site has always sent, whichever layer answers, and a missing picture gets
 * the site's own 404 page.
 */
class MediaServingTest {
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    private static final String PERMISSIONS = "accelerometer=(), browsing-topics=(), camera=(), display-capture=(),"
            + " geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "s3"})
    void aVariantIsServedWithTheSameHeadersAndBytesAndAMissingOneIsTheSitesNotFoundPage(String store)
            throws Exception {
        String url = store.equals("postgresql") ? TestDatabases.postgresUrl() : null;
        Path data = Files.createTempDirectory("gazette-media-serving");
        try (S3Proxy s3 = store.equals("s3") ? S3Proxy.start() : null;
             TestSite site = s3 != null
                     ? TestSite.withMedia(new MediaSettings(MediaLimits.defaults(), "s3", s3.newBucket()), data)
                     : TestSite.on(url, data, OpsSettings.defaults())) {
            MediaLibrary library = site.gazette().media();
            MediaItem item = library.add(TestPictures.photoWithLocation(1700, 1100, 1),
                    new MediaText("Quay at noon", "Boats tied up.", "Ana Lens / Agency")).item();
            String name = item.id() + "-960.jpg";
            byte[] stored = library.file(name).orElseThrow();

            for (int round = 0; round < 2; round++) { // the first read comes from the store, the second from memory
                HttpResponse<byte[]> get = send(site, "GET", "/media/" + name);
                assertThat(get.statusCode()).isEqualTo(200);
                assertThat(get.body()).isEqualTo(stored);
                assertThat(headers(get)).isEqualTo(expected(Map.of("content-type", "image/jpeg",
                        "content-length", String.valueOf(stored.length), "etag", "\"" + name + "\"")));

                HttpResponse<byte[]> head = send(site, "HEAD", "/media/" + name);
                assertThat(head.statusCode()).isEqualTo(200);
                assertThat(head.body()).isEmpty();
                assertThat(headers(head)).isEqualTo(headers(get));
            }

            HttpResponse<byte[]> notModified = send(site, "GET", "/media/" + name, "If-None-Match", "W/\"" + name + "\"");
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(headers(notModified)).containsEntry("etag", "\"" + name + "\"")
                    .containsEntry("cache-control", "public, max-age=31536000, immutable")
                    .containsEntry("x-content-type-options", "nosniff");

            HttpResponse<byte[]> png = send(site, "GET", "/media/" + item.id() + "-960.png");
            HttpResponse<byte[]> missing = send(site, "GET", "/media/" + item.id() + "-41.jpg");
            for (HttpResponse<byte[]> r : java.util.List.of(png, missing)) {
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(Jsoup.parse(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                        .select("h1").text()).isEqualTo("Page not found");
                assertThat(headers(r)).doesNotContainKey("cache-control");
            }
        }
    }

    @Test
    void whileTheBucketIsAwayAPictureIsA503WithRetryAfterAndItIsServedOnceBack() throws Exception {
        try (S3Proxy s3 = S3Proxy.start();
             TestSite site = TestSite.withMedia(new MediaSettings(MediaLimits.defaults(), "s3", s3.newBucket()),
                     Files.createTempDirectory("gazette-media-away"))) {
            MediaItem item = site.gazette().media().add(TestPictures.jpeg(1000, 700),
                    new MediaText("Harbour wall", "", "")).item();
            String name = item.id() + "-480.jpg";

            s3.stop();
            HttpResponse<byte[]> away = send(site, "GET", "/media/" + name);
            assertThat(away.statusCode()).isEqualTo(503);
            assertThat(away.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(headers(away)).doesNotContainKey("cache-control");

            s3.startAgain();
            HttpResponse<byte[]> back = send(site, "GET", "/media/" + name);
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(back.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(ImageIO.read(new ByteArrayInputStream(back.body())).getWidth()).isEqualTo(480);
        }
    }

    private static Map<String, String> expected(Map<String, String> perFile) {
        Map<String, String> all = new TreeMap<>(perFile);
        all.put("cache-control", "public, max-age=31536000, immutable");
        all.put("x-content-type-options", "nosniff");
        all.put("content-security-policy", CSP);
        all.put("cross-origin-opener-policy", "same-origin");
        all.put("permissions-policy", PERMISSIONS);
        all.put("referrer-policy", "strict-origin-when-cross-origin");
        all.put("x-frame-options", "DENY");
        return all;
    }

    /** Every header but Date, each name once (a repeated header would show as its values joined). */
    private static Map<String, String> headers(HttpResponse<?> r) {
        Map<String, String> all = new TreeMap<>();
        r.headers().map().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("date")) all.put(k.toLowerCase(java.util.Locale.ROOT), String.join(" | ", v));
        });
        return all;
    }

    private static HttpResponse<byte[]> send(TestSite site, String method, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
