package dev.gazette.akismet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.spam.Submission;
import dev.gazette.spam.Verdict;
import dev.gazette.spam.eval.Datasets;
import dev.gazette.spam.eval.LabelledText;
import dev.gazette.web.TestSite;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's attack, replayed: one API key sends 800 reports that a reader's reply is spam and 800 that a scam is
 * ham. Before, that retrained the site's own shield (the reader's reply was then discarded unseen on the site). The
 * key's reports now teach only that key's own layer.
 */
class AkismetPoisoningTest {
    static final HttpClient http = HttpClient.newHttpClient();
    static final String READER = "I was at the council meeting last night too. The vote on the bus lanes was closer"
            + " than this piece suggests, and two members abstained.";
    static final String SCAM = "Congratulations! You have won a $1000 gift card. Claim it now at http://claim-prize.xyz/now"
            + " before it expires, limited offer!!!";

    @Test
    void oneKeysFeedbackTeachesOnlyThatKey() throws Exception {
        try (TestSite site = TestSite.start(false, g -> {})) {
            // The site's shield trained as a site's would be, as the moderation tests do.
            site.gazette().shield().seed(Datasets.load(Path.of("src/test/resources/dev/gazette/spam/own-comments.tsv"))
                    .stream().map(LabelledText::toExample).toList());
            String attacker = site.gazette().apiKeys().add("https://attacker.example");
            String bystander = site.gazette().apiKeys().add("https://bystander.example");

            Verdict readerBefore = site.gazette().shield().check(reply(READER));
            Verdict scamBefore = site.gazette().shield().check(reply(SCAM));
            assertThat(readerBefore.isSpam()).as("the reader's reply is ham on the site to begin with").isFalse();
            assertThat(scamBefore.isSpam()).as("the scam is spam on the site to begin with").isTrue();
            assertThat(check(site, attacker, READER)).isEqualTo("false");
            assertThat(check(site, attacker, SCAM)).isEqualTo("true");

            for (int i = 0; i < 800; i++) {
                assertThat(post(site, "/1.1/submit-spam", form(attacker, READER)).body()).startsWith("Thanks");
                assertThat(post(site, "/1.1/submit-ham", form(attacker, SCAM)).body()).startsWith("Thanks");
            }

            // (a) The site's own moderation judges exactly as before.
            Verdict readerAfter = site.gazette().shield().check(reply(READER));
            Verdict scamAfter = site.gazette().shield().check(reply(SCAM));
            assertThat(readerAfter.decision()).isEqualTo(readerBefore.decision());
            assertThat(readerAfter.spamProbability()).isEqualTo(readerBefore.spamProbability());
            assertThat(scamAfter.decision()).isEqualTo(scamBefore.decision());
            assertThat(scamAfter.spamProbability()).isEqualTo(scamBefore.spamProbability());

            // (b) The key that reported them gets its own answers back, for the same texts and near copies.
            assertThat(check(site, attacker, READER)).isEqualTo("true");
            assertThat(check(site, attacker, SCAM)).isEqualTo("false");
            assertThat(check(site, attacker, SCAM.replace("claim-prize.xyz", "claim-prizes.top"))).isEqualTo("false");

            // (c) Another key is judged by the site's shield alone.
            assertThat(check(site, bystander, READER)).isEqualTo("false");
            assertThat(check(site, bystander, SCAM)).isEqualTo("true");
        }
    }

    @Test
    void aRevokedKeysLessonsAreDeleted() throws Exception {
        try (TestSite site = TestSite.start(false, g -> {})) {
            String key = site.gazette().apiKeys().add("https://gone.example");
            post(site, "/1.1/submit-spam", form(key, READER));
            assertThat(lessons(site)).isEqualTo(1);
            site.gazette().apiKeys().revoke(key.substring(0, ApiKeys.PREFIX));
            assertThat(lessons(site)).isZero();
        }
    }

    static long lessons(TestSite site) {
        return site.gazette().database().reads().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM akismet_lesson").mapTo(Long.class).one());
    }

    static Submission reply(String text) {
        return Submission.builder(text).authorName("Sam Reader").authorEmail("sam@example.org").ip("203.0.113.7")
                .userAgent("Mozilla/5.0 (X11; Linux x86_64)").build();
    }

    static String check(TestSite site, String key, String text) throws Exception {
        return post(site, "/1.1/comment-check", form(key, text)).body();
    }

    static Map<String, String> form(String key, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("blog", "https://blog.example");
        form.put("user_ip", "203.0.113.7");
        form.put("user_agent", "Mozilla/5.0 (X11; Linux x86_64)");
        form.put("comment_type", "comment");
        form.put("comment_author", "Sam Reader");
        form.put("comment_author_email", "sam@example.org");
        form.put("comment_content", text);
        return form;
    }

    static HttpResponse<String> post(TestSite site, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(site.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
