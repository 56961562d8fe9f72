package dev.gazette.akismet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.web.TestSite;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AkismetHttpTest {
    static TestSite site;
    static String key;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        site = TestSite.start(false, g -> {});
        key = site.gazette().apiKeys().add("https://blog.example");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        return AkismetCalls.post(site, path, form, headers);
    }

    static Map<String, String> comment(String author, String email, String content) {
        return AkismetCalls.comment(key, "203.0.113.50", author, email, content);
    }

    @Test
    void verifyKeySaysValidOrInvalidWithHelp() throws Exception {
        assertThat(post("/1.1/verify-key", Map.of("key", key, "blog", "https://blog.example")).body()).isEqualTo("valid");
        HttpResponse<String> bad = post("/1.1/verify-key", Map.of("key", "nosuchkey1234", "blog", "https://blog.example"));
        assertThat(bad.body()).isEqualTo("invalid");
        assertThat(bad.headers().firstValue("X-akismet-debug-help")).isPresent();
        assertThat(post("/1.1/verify-key", Map.of("blog", "x")).headers().firstValue("X-akismet-debug-help").orElseThrow())
                .contains("key parameter");
    }

    @Test
    void documentedTestValuesBehaveAsDocumented() throws Exception {
        HttpResponse<String> viagra = post("/1.1/comment-check", comment("viagra-test-123", "a@example.org", "Hello"));
        assertThat(viagra.body()).isEqualTo("true");
        assertThat(viagra.headers().firstValue("X-akismet-guid")).isPresent();
        assertThat(post("/1.1/comment-check", comment("Pat", "akismet-guaranteed-spam@example.com", "Hi")).body()).isEqualTo("true");
        Map<String, String> admin = comment("viagra-test-123", "akismet-guaranteed-spam@example.com", "Hello");
        admin.put("user_role", "administrator");
        assertThat(post("/1.1/comment-check", admin).body()).isEqualTo("false");
    }

    @Test
    void ordinaryCommentsAreHamAndEveryCheckHasAGuid() throws Exception {
        HttpResponse<String> ham = post("/1.1/comment-check",
                comment("Jo Reader", "jo@example.org", "Thanks for the clear write-up about the rail budget."));
        assertThat(ham.statusCode()).isEqualTo(200);
        assertThat(ham.body()).isEqualTo("false");
        assertThat(ham.headers().firstValue("X-akismet-guid").orElseThrow()).matches("[0-9a-f-]{36}");
        assertThat(ham.headers().firstValue("X-akismet-pro-tip")).isEmpty();
    }

    @Test
    void aFilledHoneypotIsCertainSpamWithTheDiscardTip() throws Exception {
        Map<String, String> form = comment("Bot", "bot@example.org", "Nice");
        form.put("honeypot_field_name", "hidden_phone");
        form.put("hidden_phone", "555-0100");
        HttpResponse<String> response = post("/1.1/comment-check", form);
        assertThat(response.body()).isEqualTo("true");
        assertThat(response.headers().firstValue("X-akismet-pro-tip")).contains("discard");
    }

    @Test
    void badKeysAndMissingFieldsAreExplained() throws Exception {
        Map<String, String> noKey = comment("A", "a@example.org", "x");
        noKey.remove("api_key");
        HttpResponse<String> invalid = post("/1.1/comment-check", noKey);
        assertThat(invalid.body()).isEqualTo("invalid");
        assertThat(invalid.headers().firstValue("X-akismet-debug-help").orElseThrow()).contains("api_key");

        Map<String, String> noIp = comment("A", "a@example.org", "x");
        noIp.remove("user_ip");
        HttpResponse<String> missing = post("/1.1/comment-check", noIp);
        assertThat(missing.body()).isEqualTo("Missing required field: user_ip.");
        assertThat(missing.headers().firstValue("X-akismet-debug-help").orElseThrow()).contains("user_ip");
    }

    @Test
    void theKeyMayComeInTheHostName() throws Exception {
        Map<String, String> form = comment("Jo", "jo@example.org", "A fine story.");
        form.remove("api_key");
        int port = URI.create(site.url("/")).getPort();
        // The JDK client does not let a request set Host, so this goes over a raw socket.
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            String request = "POST /1.1/comment-check HTTP/1.1\r\nHost: " + key + ".rest.localhost:" + port
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("X-akismet-guid").endsWith("false");
        }
    }

    @Test
    void feedbackTeachesTheKeysOwnLayerNotTheSiteAndCountsCorrectionsByGuid() throws Exception {
        String spammy = "Earn 500 dollars a day from home, click http://cash-now.example/join now!!!";
        HttpResponse<String> first = post("/1.1/comment-check", comment("Cash King", "king@cash-now.example", spammy));
        String guid = first.headers().firstValue("X-akismet-guid").orElseThrow();
        boolean firstVerdict = first.body().equals("true");
        double before = site.gazette().shield().check(new AkismetParams(comment("Cash King", "king@cash-now.example", spammy))
                .submission(java.time.Clock.systemUTC())).spamProbability();

        Map<String, String> feedback = new LinkedHashMap<>(Map.of("api_key", key, "blog", "https://blog.example", "guid", guid));
        HttpResponse<String> thanks = post("/1.1/submit-spam", feedback);
        assertThat(thanks.body()).isEqualTo("Thanks for making the web a better place.");
        double after = site.gazette().shield().check(new AkismetParams(comment("Cash King", "king@cash-now.example", spammy))
                .submission(java.time.Clock.systemUTC())).spamProbability();
        assertThat(after).as("the site's own shield learns nothing from the API").isEqualTo(before);
        assertThat(post("/1.1/comment-check", comment("Cash King", "king@cash-now.example", spammy)).body())
                .as("the key's own check, taught by guid alone").isEqualTo("true");

        assertThat(post("/1.1/submit-ham", comment("Jo", "jo@example.org", "A kind word.")).body())
                .isEqualTo("Thanks for making the web a better place.");

        JsonNode stats = AkismetCalls.stats(site, key);
        assertThat(stats.get("checks").asLong()).isPositive();
        assertThat(stats.get("missed_spam").asLong()).isEqualTo(firstVerdict ? 0 : 1);
        assertThat(stats.get("accuracy").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void aPostWithTheKeyInItsAddressIsRefused() throws Exception {
        for (String name : new String[] {"api_key", "key"}) {
            Map<String, String> form = comment("Jo", "jo@example.org", "A fine story.");
            form.remove("api_key");
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(site.url("/1.1/comment-check?"
                            + name + "=" + key)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream().map(e -> e.getKey() + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.body()).as(name).isEqualTo("invalid");
            assertThat(refused.headers().firstValue("X-akismet-guid")).as(name).isEmpty();
            assertThat(refused.headers().firstValue("X-akismet-debug-help").orElseThrow())
                    .isEqualTo("Send the key in the POST body, not the address: keys in addresses end up in logs.");
        }
        // Even beside a key in the body: the address already carried it into the logs.
        HttpResponse<String> both = http.send(HttpRequest.newBuilder(URI.create(site.url("/1.1/verify-key?key=" + key)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + key + "&blog=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(both.body()).isEqualTo("invalid");
        assertThat(both.headers().firstValue("X-akismet-debug-help").orElseThrow()).contains("POST body");
    }

    @Test
    void whatACheckStoresIsCapped() throws Exception {
        String huge = "A very long reply about the harbour. ".repeat(25_000); // about 900 KB
        HttpResponse<String> checked = post("/1.1/comment-check", comment("Long Writer", "long@example.org", huge));
        assertThat(checked.statusCode()).isEqualTo(200);
        String guid = checked.headers().firstValue("X-akismet-guid").orElseThrow();
        // key-stats writes the queued checks first.
        http.send(HttpRequest.newBuilder(URI.create(site.url("/1.1/key-stats?api_key=" + key))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String stored = site.gazette().database().reads().withHandle(h ->
                h.createQuery("SELECT params FROM akismet_check WHERE guid = :guid").bind("guid", guid)
                        .mapTo(String.class).one());
        assertThat(stored.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(32 * 1024);
        JsonNode kept = new ObjectMapper().readTree(stored);
        assertThat(kept.get("comment_author").asText()).isEqualTo("Long Writer");
        // The reply's beginning, as far as feedback by guid needs it to recognise the text.
        assertThat(kept.get("comment_content").asText()).isEqualTo(huge.substring(0, 8_000));
    }

    @Test
    void usageLimitAnswersJson() throws Exception {
        HttpResponse<String> usage = http.send(HttpRequest.newBuilder(URI.create(site.url("/1.2/usage-limit?api_key=" + key)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = new ObjectMapper().readTree(usage.body());
        assertThat(json.get("limit").asText()).isEqualTo("none");
        assertThat(json.has("usage")).isTrue();
        assertThat(json.get("throttled").asBoolean()).isFalse();
    }

    @Test
    void revokedKeysStopWorking() throws Exception {
        String other = site.gazette().apiKeys().add("https://other.example");
        assertThat(post("/1.1/verify-key", Map.of("key", other, "blog", "x")).body()).isEqualTo("valid");
        assertThat(site.gazette().apiKeys().revoke(other.substring(0, ApiKeys.PREFIX))).isTrue();
        assertThat(post("/1.1/verify-key", Map.of("key", other, "blog", "x")).body()).isEqualTo("invalid");
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfter() throws Exception {
        try (TestSite limited = TestSite.start(false, 0, dev.gazette.comment.CommentSettings.defaults(),
                new AkismetSettings(3, java.time.Duration.ofDays(15)), g -> {})) {
            String small = limited.gazette().apiKeys().add("https://small.example");
            HttpResponse<String> last = null;
            for (int i = 0; i < 4; i++) {
                last = http.send(HttpRequest.newBuilder(URI.create(limited.url("/1.1/verify-key")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("key=" + small + "&blog=x")).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            // verify-key is not metered (clients call it at start-up); checks are.
            assertThat(last.statusCode()).isEqualTo(200);
            for (int i = 0; i < 4; i++) {
                last = http.send(HttpRequest.newBuilder(URI.create(limited.url("/1.1/comment-check")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("api_key=" + small + "&blog=x&user_ip=192.0.2.1"
                                + "&comment_content=hello")).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(last.headers().firstValue("X-akismet-debug-help").orElseThrow()).contains("Too many requests");
        }
    }

    @Test
    void keysAreStoredOnlyAsHashes() {
        String stored = site.gazette().database().reads().withHandle(h ->
                h.createQuery("SELECT key_hash || ' ' || key_prefix FROM akismet_key WHERE site_url = 'https://blog.example'")
                        .mapTo(String.class).one());
        assertThat(stored).doesNotContain(key).contains(key.substring(0, ApiKeys.PREFIX));
    }

    @Test
    void staffListMakeAndRevokeKeysInTheNewsroom() throws Exception {
        site.gazette().accounts().add("keys@example.org", "Kay", dev.gazette.account.Role.ADMIN, "a long enough password");
        dev.gazette.web.StaffBrowser admin = dev.gazette.web.StaffBrowser.signIn(site, "keys@example.org", "a long enough password");
        HttpResponse<String> made = admin.post("/admin/keys", Map.of("site", "https://newsroom.example"));
        String newKey = org.jsoup.Jsoup.parse(made.body()).select("#new-key").text();
        assertThat(newKey).matches("[0-9a-f]{12}");
        assertThat(post("/1.1/verify-key", Map.of("key", newKey, "blog", "x")).body()).isEqualTo("valid");
        var list = admin.browser().page("/admin/keys");
        assertThat(list.select("table").text()).contains(newKey.substring(0, ApiKeys.PREFIX)).contains("https://newsroom.example")
                .doesNotContain(newKey);
        assertThat(admin.post("/admin/keys", Map.of("site", "not a site")).statusCode()).isEqualTo(422);
        String id = list.select("form[action=/admin/keys/revoke]").stream()
                .filter(f -> f.parent().parent().text().contains("https://newsroom.example"))
                .findFirst().orElseThrow().select("input[name=id]").val();
        admin.post("/admin/keys/revoke", Map.of("id", id));
        assertThat(post("/1.1/verify-key", Map.of("key", newKey, "blog", "x")).body()).isEqualTo("invalid");
    }
}
