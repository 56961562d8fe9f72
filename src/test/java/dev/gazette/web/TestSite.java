package dev.gazette.web;

import dev.gazette.app.Gazette;
import dev.gazette.akismet.AkismetSettings;
import dev.gazette.app.Settings;
import dev.gazette.comment.CommentSettings;
import dev.gazette.mail.MailSettings;
import dev.gazette.media.MediaSettings;
import dev.gazette.syndication.FetchSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real Gazette server on a free port over a fresh SQLite database in a temporary folder. */
public final class TestSite implements AutoCloseable {
    private final Gazette gazette;
    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestSite(Gazette gazette, String baseUrl) {
        this.gazette = gazette;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Builds the site; {@code before} runs after the database is ready and before the server starts. */
    public static TestSite start(boolean sampleContent, java.util.function.Consumer<Gazette> before) {
        return start(sampleContent, 0, CommentSettings.defaults(), before);
    }

    /**
     * @param minSecondsToPost the shield's "too fast for a human" limit; most tests post at once and use 0
     */
    public static TestSite start(boolean sampleContent, double minSecondsToPost, CommentSettings comments,
                                 java.util.function.Consumer<Gazette> before) {
        return start(sampleContent, minSecondsToPost, comments, AkismetSettings.defaults(), before);
    }

    public static TestSite start(boolean sampleContent, double minSecondsToPost, CommentSettings comments,
                                 AkismetSettings akismet, java.util.function.Consumer<Gazette> before) {
        return start(sampleContent, minSecondsToPost, comments, akismet, CachePolicy.defaults(), before);
    }

    /** @param cache what shared caches may keep, and the caches the site purges when content changes */
    public static TestSite start(boolean sampleContent, double minSecondsToPost, CommentSettings comments,
                                 AkismetSettings akismet, CachePolicy cache, java.util.function.Consumer<Gazette> before) {
        return start(sampleContent, minSecondsToPost, comments, akismet, TrustedProxies.none(), cache, before);
    }

    /** A site behind a proxy on this machine: it believes forwarding headers from the given addresses. */
    public static TestSite behindProxy(String trustedProxies, java.util.function.Consumer<Gazette> before) {
        return start(false, 0, CommentSettings.defaults(), AkismetSettings.defaults(), TrustedProxies.parse(trustedProxies),
                CachePolicy.defaults(), before);
    }

    static TestSite start(boolean sampleContent, double minSecondsToPost, CommentSettings comments,
                          AkismetSettings akismet, TrustedProxies proxies, CachePolicy cache,
                          java.util.function.Consumer<Gazette> before) {
        return start(sampleContent, minSecondsToPost, comments, akismet, proxies, cache, MailSettings.off(), null, null,
                dev.gazette.ops.OpsSettings.defaults(), before);
    }

    /** A site run and watched as {@code ops} says (a bench reads {@code /metrics}), without sample content. */
    public static TestSite start(AkismetSettings akismet, dev.gazette.ops.OpsSettings ops,
                                 java.util.function.Consumer<Gazette> before) {
        return start(false, 0, CommentSettings.defaults(), akismet, TrustedProxies.none(), CachePolicy.defaults(),
                MailSettings.off(), null, null, ops, before);
    }

    /** A site that sends mail through the given SMTP server (GreenMail in the tests). */
    public static TestSite withMail(MailSettings mail, CommentSettings comments,
                                    java.util.function.Consumer<Gazette> before) {
        return start(false, 0, comments, AkismetSettings.defaults(), TrustedProxies.none(), CachePolicy.defaults(), mail,
                null, null, dev.gazette.ops.OpsSettings.defaults(), before);
    }

    /**
     * A site with sample content on the given database and data folder (null: a SQLite file in a new temporary
     * folder), run and watched as {@code ops} says.
     */
    public static TestSite on(String dbUrl, Path data, dev.gazette.ops.OpsSettings ops) {
        return start(true, 0, CommentSettings.defaults(), AkismetSettings.defaults(), TrustedProxies.none(),
                CachePolicy.defaults(), MailSettings.off(), dbUrl, data, ops, g -> { });
    }

    /** A site with sample content on SQLite in {@code data}, keeping its pictures as {@code media} says. */
    public static TestSite withMedia(MediaSettings media, Path data) {
        return start(true, 0, CommentSettings.defaults(), AkismetSettings.defaults(), TrustedProxies.none(),
                CachePolicy.defaults(), MailSettings.off(), null, data, dev.gazette.ops.OpsSettings.defaults(), media,
                g -> { });
    }

    private static TestSite start(boolean sampleContent, double minSecondsToPost, CommentSettings comments,
                                  AkismetSettings akismet, TrustedProxies proxies, CachePolicy cache, MailSettings mail,
                                  String dbUrl, Path dataDir, dev.gazette.ops.OpsSettings ops,
                                  java.util.function.Consumer<Gazette> before) {
        return start(sampleContent, minSecondsToPost, comments, akismet, proxies, cache, mail, dbUrl, dataDir, ops,
                MediaSettings.defaults(), before);
    }

    private static TestSite start(boolean sampleContent, double minSecondsToPost, CommentSettings comments,
                                  AkismetSettings akismet, TrustedProxies proxies, CachePolicy cache, MailSettings mail,
                                  String dbUrl, Path dataDir, dev.gazette.ops.OpsSettings ops, MediaSettings media,
                                  java.util.function.Consumer<Gazette> before) {
        try {
            Path data = dataDir != null ? dataDir : Files.createTempDirectory("gazette-site");
            Settings settings = new Settings("127.0.0.1", 0, data,
                    dbUrl != null ? dbUrl : "jdbc:sqlite:" + data.resolve("gazette.db"), "",
                    "Test Gazette", "News for tests.", "en", false, sampleContent, minSecondsToPost, 0.75, 0.995, "", false, comments,
                    akismet, FetchSettings.defaults(), proxies, cache, mail, media,
                    dev.gazette.store.PoolSettings.defaults(), ops);
            Gazette gazette = Gazette.open(settings);
            before.accept(gazette);
            return new TestSite(gazette, gazette.serve());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return baseUrl + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    /** Posts a form with no cookies, as a page kept by a cache would, with the given extra headers. */
    public HttpResponse<String> postForm(String path, java.util.Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) request.headers(headers);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Gazette gazette() {
        return gazette;
    }

    @Override
    public void close() {
        gazette.close();
    }
}
