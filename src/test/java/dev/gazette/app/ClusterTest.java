package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;
import dev.gazette.akismet.AkismetSettings;
import dev.gazette.akismet.ApiKeys;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentSettings;
import dev.gazette.comment.CommentState;
import dev.gazette.privacy.Retention;
import dev.gazette.settings.LiveSettings;
import dev.gazette.store.TestDatabases;
import dev.gazette.syndication.FetchSettings;
import dev.gazette.web.Browser;
import dev.gazette.web.CachePolicy;
import dev.gazette.web.TrustedProxies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Gazette nodes on one real PostgreSQL behind a real HAProxy: what one node changes, the other shows at once;
 * limits (replies, sign-ins, unknown Akismet keys) count across both; the jobs run on one of them, and on the other when it stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    /**
     * Only a guard against hanging: every "at once" below is proven by the other node's count of notices applied (a
     * change that arrived by polling or by a page expiring does not count), never by how long it took.
     */
    static final Duration GIVE_UP = Duration.ofSeconds(30);
    static final String ADMIN = "editor@gazette.test";
    static final String PASSWORD = "two nodes, one newsroom";
    static final String ARTICLE = "/articles/harbour-lights-return";
    private static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Node(Gazette gazette, String base) {
        String url(String path) {
            return base + path;
        }
    }

    static Node a;
    static Node b;
    static Haproxy balancer;

    @BeforeAll
    static void start() throws Exception {
        String db = TestDatabases.postgresUrl();
        a = node(db);
        b = node(db);
        a.gazette().articles().create(new ArticleDraft("Harbour lights return", "The lamps are lit again.",
                "After ten dark winters the harbour lamps are lit again.", "Ada Quill", "Local", List.of(),
                ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(600)), Optional.empty()));
        a.gazette().accounts().add(ADMIN, "Editor", Role.ADMIN, PASSWORD);
        balancer = Haproxy.start(List.of(port(a), port(b)));
    }

    private static int port(Node n) {
        return URI.create(n.base()).getPort();
    }

    static Node node(String dbUrl) throws IOException {
        Path data = Files.createTempDirectory("gazette-node");
        CommentSettings d = CommentSettings.defaults();
        // Every reply waits for a moderator; one reply per address at once, then one every ten minutes.
        CommentSettings comments = new CommentSettings(true, false, d.holdAtLinks(), List.of(), List.of(), 0, false,
                d.maxDepth(), d.pageSize(), false, d.maxCommentLength(), d.maxNameLength(), d.editMinutes(), 6, 0,
                Retention.defaults());
        Settings settings = new Settings("127.0.0.1", 0, data, dbUrl, "", "Two Node Gazette", "News for tests.", "en",
                false, false, 0, 0.75, 0.995, "", false, comments, AkismetSettings.defaults(), FetchSettings.defaults(),
                TrustedProxies.parse("127.0.0.1"), CachePolicy.defaults());
        Gazette gazette = Gazette.open(settings);
        String url = gazette.serve();
        return new Node(gazette, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @AfterAll
    static void stop() {
        if (balancer != null) balancer.close();
        if (a != null) a.gazette().close();
        if (b != null) b.gazette().close();
    }

    @Test
    @Order(1)
    void anApprovalOnOneNodeShowsOnTheOthersPageAtOnce() {
        Browser reader = new Browser(b::url, "X-Forwarded-For", "198.51.100.1");
        Map<String, String> form = replyForm(reader, "The lamps looked lovely from the pier last night.");
        HttpResponse<String> posted = reader.post(ARTICLE + "/comments", form);
        assertThat(posted.statusCode()).isEqualTo(303);
        long id = idFrom(posted);
        assertThat(anonymous(b.url(ARTICLE)).body()).as("awaiting moderation: not public yet")
                .doesNotContain("lovely from the pier");

        long purges = b.gazette().notices().applied(Gazette.PURGE_CHANNEL);
        a.gazette().comments().moderate(id, CommentState.APPROVED);

        assertThat(byNotice(b, Gazette.PURGE_CHANNEL, purges))
                .as("node A's approval reached node B as a purge notice").isTrue();
        assertThat(anonymous(b.url(ARTICLE)).body()).as("node B's page shows the reply node A approved")
                .contains("lovely from the pier");
        assertThat(anonymous(balancer.url(ARTICLE)).body()).contains("lovely from the pier");
    }

    @Test
    @Order(2)
    void aSettingChangedOnOneNodeAppliesOnTheOther() {
        assertThat(anonymous(b.url("/")).body()).contains("Two Node Gazette");
        Browser admin = signedIn(a::url);
        Map<String, String> form = new HashMap<>(Browser.fields(admin.page("/admin/settings"), "form.reply-form"));
        form.put("site.title", "The Evening Lamp");
        form.put("csrf", admin.page("/admin").select("input[name=csrf]").attr("value"));
        long settingsNotices = b.gazette().notices().applied(LiveSettings.CHANNEL);
        long purges = b.gazette().notices().applied(Gazette.PURGE_CHANNEL);
        assertThat(admin.post("/admin/settings", form).statusCode()).isEqualTo(303);

        assertThat(byNotice(b, LiveSettings.CHANNEL, settingsNotices) && byNotice(b, Gazette.PURGE_CHANNEL, purges))
                .as("the saved settings and the purge reached node B as notices").isTrue();
        assertThat(anonymous(b.url("/")).body()).as("node B's pages carry the title saved on node A")
                .contains("The Evening Lamp");
    }

    @Test
    @Order(3)
    void aKeyRevokedOnOneNodeIsRefusedOnTheOtherAtOnce() {
        String key = a.gazette().apiKeys().add("https://blog.example");
        assertThat(verifyKey(b, key)).isEqualTo("valid");
        long keyNotices = b.gazette().notices().applied(ApiKeys.CHANNEL);
        assertThat(a.gazette().apiKeys().revoke(key.substring(0, 4))).isTrue();
        assertThat(byNotice(b, ApiKeys.CHANNEL, keyNotices)).as("the revocation reached node B as a notice").isTrue();
        assertThat(verifyKey(b, key)).as("node B refuses the revoked key").isEqualTo("invalid");
    }

    @Test
    @Order(4)
    void aReplyLimitCountsAcrossNodes() {
        Browser onA = new Browser(a::url, "X-Forwarded-For", "203.0.113.50");
        Browser onB = new Browser(b::url, "X-Forwarded-For", "203.0.113.50");
        assertThat(onA.post(ARTICLE + "/comments", replyForm(onA, "First thought from this address.")).statusCode())
                .isEqualTo(303);
        HttpResponse<String> second = onB.post(ARTICLE + "/comments", replyForm(onB, "Second thought, other node."));
        assertThat(second.statusCode()).as("the same address, the other node: the limit is the site's").isEqualTo(429);
        assertThat(second.body()).as("the reader's text is kept").contains("Second thought, other node.");
    }

    @Test
    @Order(5)
    void signInDelaysCountAcrossNodes() {
        int waited = 0;
        for (int i = 0; i < 12; i++) {
            Node node = i % 2 == 0 ? a : b;
            Browser guesser = new Browser(node::url, "X-Forwarded-For", "192.0.2.77");
            Map<String, String> form = new HashMap<>(Browser.fields(guesser.page("/admin/login"), "form.signin-form"));
            form.put("email", "nobody@gazette.test");
            form.put("password", "guess number " + i);
            if (guesser.post("/admin/login", form).statusCode() == 429) waited++;
        }
        assertThat(waited).as("ten free failures from one address in all, then waits, whichever node answers")
                .isPositive();
    }

    @Test
    @Order(6)
    void aSignOutOnOneNodeEndsTheSessionOnTheOther() {
        Browser admin = signedIn(path -> path.startsWith("@b") ? b.url(path.substring(2)) : a.url(path));
        assertThat(admin.get("@b/admin").statusCode()).as("the session works on node B").isEqualTo(200);
        String csrf = admin.page("/admin").select("input[name=csrf]").attr("value");
        assertThat(admin.post("/admin/logout", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(admin.get("@b/admin").statusCode()).as("signed out on A: B asks to sign in").isEqualTo(303);
    }

    @Test
    @Order(7)
    void unknownKeysFromOneAddressCountAcrossNodes() {
        // Thirty unknown keys a minute per address: sixty, half to each node, stay within each node's thirty, but
        // not within the site's, however slowly they go (the bucket refills one every two seconds).
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            Node node = i % 2 == 0 ? a : b;
            HttpResponse<String> r = post(node.url("/1.1/verify-key"), "key=guess" + i + "abcdefg&blog=https%3A%2F%2Fx.example",
                    "X-Forwarded-For", "198.51.100.99");
            if (r.statusCode() == 429) refused++;
            else assertThat(r.body().strip()).isEqualTo("invalid");
        }
        assertThat(refused).as("the key-guess limit is the site's, whichever node answers").isPositive();
    }

    @Test
    @Order(8)
    void aReplyPublishedOnOneNodeShowsOnTheOthersPageAtOnce() {
        // A published reply tells the other nodes after its commit, its article's keys gathered with others for 10 ms.
        long articleId = a.gazette().articles().published(ARTICLE.substring("/articles/".length())).orElseThrow().id();
        long imported = b.gazette().notices().applied(Gazette.PURGE_CHANNEL);
        Comment question = a.gazette().comments().intake().importReply(articleId, Optional.empty(), "Quay Reader",
                "quay@readers.test", "", "Are the lamps on all night?", CommentState.APPROVED, "198.51.100.8",
                Instant.now());
        assertThat(byNotice(b, Gazette.PURGE_CHANNEL, imported)).isTrue();
        assertThat(anonymous(b.url(ARTICLE)).body()).contains("Are the lamps on all night?");

        long purges = b.gazette().notices().applied(Gazette.PURGE_CHANNEL);
        a.gazette().comments().intake().staffReply(question, "Editor", ADMIN, "Until the first ferry at six.");

        assertThat(byNotice(b, Gazette.PURGE_CHANNEL, purges))
                .as("node A's published reply reached node B as a purge notice").isTrue();
        assertThat(anonymous(b.url(ARTICLE)).body()).as("node B's page shows the reply published on node A")
                .contains("Until the first ferry at six.");
    }

    @Test
    @Order(100)
    void whenTheNodeRunningTheJobsStopsTheOtherTakesThemOver() {
        assertThat(a.gazette().jobs().leads(Gazette.FEED_JOB) ^ b.gazette().jobs().leads(Gazette.FEED_JOB))
                .as("exactly one node polls the feeds").isTrue();
        Node leader = a.gazette().jobs().leads(Gazette.FEED_JOB) ? a : b;
        Node other = leader == a ? b : a;
        leader.gazette().close();
        if (leader == a) a = null;
        else b = null;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!other.gazette().jobs().leads(Gazette.FEED_JOB) && Instant.now().isBefore(deadline)) sleep(100);
        assertThat(other.gazette().jobs().leads(Gazette.FEED_JOB)).as("taken over within a minute").isTrue();
        assertThat(anonymous(balancer.url("/")).statusCode()).as("the balancer sends readers to the node left")
                .isEqualTo(200);
    }

    static Browser signedIn(java.util.function.Function<String, String> url) {
        Browser admin = new Browser(url, "X-Forwarded-For", "192.0.2.10");
        Map<String, String> form = new HashMap<>(Browser.fields(admin.page("/admin/login"), "form.signin-form"));
        form.put("email", ADMIN);
        form.put("password", PASSWORD);
        HttpResponse<String> r = admin.post("/admin/login", form);
        if (r.statusCode() != 303) throw new AssertionError("Sign-in failed with " + r.statusCode());
        return admin;
    }

    static Map<String, String> replyForm(Browser reader, String text) {
        Map<String, String> fields = new HashMap<>(Browser.fields(reader.page(ARTICLE), "form.reply-form"));
        fields.put("comment", text);
        fields.put("author", "Pier Walker");
        fields.put("email", "walker@readers.test");
        fields.put("url", "");
        return fields;
    }

    static long idFrom(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
    }

    static String verifyKey(Node node, String key) {
        return post(node.url("/1.1/verify-key"), "key=" + key + "&blog=https%3A%2F%2Fblog.example").body().strip();
    }

    /** A reader with no cookies, as a cache in front of the site asks. */
    static HttpResponse<String> anonymous(String url) {
        try {
            return PLAIN.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(String url, String body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            if (headers.length > 0) request.headers(headers);
            return PLAIN.send(request.header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the node applied a notice on the channel beyond the count seen before the change. Without the notice
     * this never happens (polling and page lifetimes do not count), so the wait ends at {@link #GIVE_UP} and fails.
     */
    static boolean byNotice(Node node, String channel, long before) {
        Instant deadline = Instant.now().plus(GIVE_UP);
        while (Instant.now().isBefore(deadline)) {
            if (node.gazette().notices().applied(channel) > before) return true;
            sleep(25);
        }
        return false;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
