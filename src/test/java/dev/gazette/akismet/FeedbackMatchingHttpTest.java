package dev.gazette.akismet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feedback as WordPress's Akismet plugin sends it: the comment's fields again, no guid. Each test uses a key of its
 * own, so the counts it reads are its own.
 */
class FeedbackMatchingHttpTest {
    static TestSite site;
    static final String THANKS = "Thanks for making the web a better place.";

    @BeforeAll
    static void start() {
        site = TestSite.start(false, g -> {});
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void newKeysHaveTwelveHexCharactersAsAkismetsOwnDo() throws Exception {
        String key = site.gazette().apiKeys().add("https://twelve.example");
        // Akismet's plugin drops every character outside [a-f0-9] from a key typed on its settings page, and
        // refuses one that is not 12 characters long.
        assertThat(key).matches("[0-9a-f]{12}");
        assertThat(post("/1.1/verify-key", Map.of("key", key, "blog", "https://twelve.example")).body()).isEqualTo("valid");
        String stored = site.gazette().database().reads().withHandle(h -> h.createQuery(
                "SELECT key_hash || ' ' || key_prefix FROM akismet_key WHERE site_url = 'https://twelve.example'")
                .mapTo(String.class).one());
        assertThat(stored).doesNotContain(key);
        assertThat(stored.substring(stored.indexOf(' ') + 1)).as("the prefix staff see gives away little of the key")
                .hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void longerKeysMadeBeforeKeepWorking() throws Exception {
        String legacy = "abcdefghijklmnopqrstuvwx"; // 24 characters, as keys were made before
        new AkismetStore(site.gazette().database()).insertKey(ApiKeys.hash(legacy), legacy.substring(0, 6),
                "https://legacy.example", java.time.Instant.now());
        assertThat(post("/1.1/verify-key", Map.of("key", legacy, "blog", "https://legacy.example")).body()).isEqualTo("valid");
        assertThat(post("/1.1/comment-check", comment(legacy, "Lee", "lee@example.org", "A calm reply.")).body())
                .isEqualTo("false");
    }

    @Test
    void spamReportedWithoutGuidIsMatchedToTheCheckAndCountedAsMissed() throws Exception {
        String key = site.gazette().apiKeys().add("https://missed.example");
        Map<String, String> reply = comment(key, "Ann Reader", "ann@example.org",
                "Thanks for the piece on the tram line; the timetable change matters to our street.");
        assertThat(post("/1.1/comment-check", reply).body()).isEqualTo("false");

        // What the plugin sends when a moderator clicks "Spam": the stored comment's fields, no guid.
        Map<String, String> report = new LinkedHashMap<>(reply);
        report.put("permalink", "https://missed.example/?p=1");
        report.put("reporter", "moderator");
        assertThat(post("/1.1/submit-spam", report).body()).isEqualTo(THANKS);

        JsonNode stats = stats(key);
        assertThat(stats.get("missed_spam").asLong()).isEqualTo(1);
        assertThat(stats.get("false_positives").asLong()).isZero();
        assertThat(stats.get("accuracy").asDouble()).isEqualTo(0.0);
        // And the key's own layer learnt it.
        assertThat(post("/1.1/comment-check", reply).body()).isEqualTo("true");
    }

    @Test
    void hamReportedWithoutGuidIsMatchedAndCountedAsAFalsePositive() throws Exception {
        String key = site.gazette().apiKeys().add("https://false.example");
        Map<String, String> reply = comment(key, "viagra-test-123", "ok@example.org", "Not spam after all, said the moderator.");
        assertThat(post("/1.1/comment-check", reply).body()).isEqualTo("true");
        post("/1.1/comment-check", comment(key, "Bo", "bo@example.org", "Another, untouched reply about the market."));

        assertThat(post("/1.1/submit-ham", reply).body()).isEqualTo(THANKS);
        JsonNode stats = stats(key);
        assertThat(stats.get("false_positives").asLong()).isEqualTo(1);
        assertThat(stats.get("missed_spam").asLong()).isZero();
        assertThat(stats.get("accuracy").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aLongReplyIsMatchedThoughOnlyItsBeginningWasKept() throws Exception {
        String key = site.gazette().apiKeys().add("https://long.example");
        String longText = "A long and honest reply about the harbour works and the noise at night. ".repeat(200);
        assertThat(longText.length()).isGreaterThan(8_000);
        Map<String, String> reply = comment(key, "Kim", "kim@example.org", longText);
        assertThat(post("/1.1/comment-check", reply).body()).isEqualTo("false");
        post("/1.1/submit-spam", reply);
        assertThat(stats(key).get("missed_spam").asLong()).isEqualTo(1);
    }

    @Test
    void reportsThatMatchNoCheckOrAgreeWithItCountNothing() throws Exception {
        String key = site.gazette().apiKeys().add("https://nomatch.example");
        Map<String, String> checked = comment(key, "Sam", "sam@example.org", "The bridge closure was handled well.");
        assertThat(post("/1.1/comment-check", checked).body()).isEqualTo("false");
        // Another key's check of the same fields, another author, and agreeing feedback: no correction.
        String other = site.gazette().apiKeys().add("https://other-nomatch.example");
        post("/1.1/submit-spam", comment(other, "Sam", "sam@example.org", "The bridge closure was handled well."));
        post("/1.1/submit-spam", comment(key, "Someone Else", "else@example.org", "The bridge closure was handled well."));
        post("/1.1/submit-ham", checked);
        assertThat(stats(key).get("missed_spam").asLong()).isZero();
        assertThat(stats(key).get("false_positives").asLong()).isZero();
        assertThat(stats(other).get("missed_spam").asLong()).isZero();
    }

    @Test
    void aModeratorChangingTheirMindCountsOnceForTheLastWord() throws Exception {
        String key = site.gazette().apiKeys().add("https://mind.example");
        Map<String, String> reply = comment(key, "Lou", "lou@example.org", "I liked the photographs of the old station.");
        assertThat(post("/1.1/comment-check", reply).body()).isEqualTo("false");
        post("/1.1/submit-spam", reply);
        post("/1.1/submit-spam", reply);
        assertThat(stats(key).get("missed_spam").asLong()).as("the same report twice").isEqualTo(1);
        post("/1.1/submit-ham", reply);
        assertThat(stats(key).get("missed_spam").asLong()).as("taken back").isZero();
    }

    @Test
    void aCheckOutsideTheRetentionWindowIsNotMatched() throws Exception {
        String key = site.gazette().apiKeys().add("https://old.example");
        Map<String, String> reply = comment(key, "Old", "old@example.org", "A reply from long ago about the ferry.");
        assertThat(post("/1.1/comment-check", reply).body()).isEqualTo("false");
        stats(key); // writes the queued check
        long sixteenDaysAgo = System.currentTimeMillis() - java.time.Duration.ofDays(16).toMillis();
        site.gazette().database().writes().useHandle(h -> h.createUpdate("UPDATE akismet_check SET checked_at = :at"
                + " WHERE key_id = (SELECT id FROM akismet_key WHERE site_url = 'https://old.example')")
                .bind("at", sixteenDaysAgo).execute());
        post("/1.1/submit-spam", reply);
        assertThat(stats(key).get("missed_spam").asLong()).isZero();
    }

    @Test
    void unknownKeysFromOneAddressAreSlowedSoShortKeysCannotBeGuessed() throws Exception {
        HttpResponse<String> last = null;
        int answered = 0;
        for (int i = 0; i < 40; i++) {
            last = post("/1.1/verify-key", Map.of("key", String.format("%012x", i), "blog", "https://guess.example"));
            if (last.statusCode() == 200) answered++;
        }
        assertThat(answered).as("30 at once, then one each 2 s").isBetween(30, 34);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        // A known key still works from the same address.
        String key = site.gazette().apiKeys().add("https://after-guesses.example");
        assertThat(post("/1.1/verify-key", Map.of("key", key, "blog", "x")).body()).isEqualTo("valid");
    }

    @Test
    void theAkismetPluginsAccountAndStatsCallsAreAnswered() throws Exception {
        String key = site.gazette().apiKeys().add("https://account.example");
        JsonNode account = new ObjectMapper().readTree(post("/1.1/get-subscription",
                Map.of("key", key, "blog", "https://account.example")).body());
        assertThat(account.get("status").asText()).isEqualTo("active");
        assertThat(account.get("account_name").asText()).contains("https://account.example");
        // The key being saved is named in key, beside an older api_key the plugin still holds.
        String other = site.gazette().apiKeys().add("https://old-account.example");
        assertThat(post("/1.1/get-subscription", Map.of("key", key, "api_key", other, "blog", "x")).body())
                .contains("https://account.example");
        post("/1.1/comment-check", comment(key, "viagra-test-123", "v@example.org", "Counted as spam."));
        JsonNode stats = new ObjectMapper().readTree(post("/1.1/get-stats", Map.of("key", key, "from", "all")).body());
        assertThat(stats.get("spam").asLong()).isEqualTo(1);
        assertThat(stats.get("accuracy").asDouble()).isEqualTo(100.0);
        assertThat(post("/1.1/deactivate", Map.of("key", key)).body()).isEqualTo("deactivated");
        assertThat(post("/1.1/verify-key", Map.of("key", key, "blog", "x")).body()).as("still valid until revoked").isEqualTo("valid");
        assertThat(site.get("/1.1/test").body()).isEqualTo("connected");
    }

    @Test
    void aPrefixTwoKeysShareRevokesNeitherAndSaysWhy() {
        AkismetStore store = new AkismetStore(site.gazette().database());
        store.insertKey(ApiKeys.hash("aaaa00000001"), "aaaa", "https://one.example", java.time.Instant.now());
        store.insertKey(ApiKeys.hash("aaaa00000002"), "aaaa", "https://two.example", java.time.Instant.now());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> site.gazette().apiKeys().revoke("aaaa"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 active keys start with aaaa");
        assertThat(site.gazette().apiKeys().find("aaaa00000001")).isPresent();
    }

    static Map<String, String> comment(String key, String author, String email, String content) {
        return AkismetCalls.comment(key, "198.51.100.7", author, email, content);
    }

    static JsonNode stats(String key) throws Exception {
        return AkismetCalls.stats(site, key);
    }

    static HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return AkismetCalls.post(site, path, form);
    }
}
