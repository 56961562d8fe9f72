package dev.gazette.comment;

import static dev.gazette.comment.ReplyLimitsTest.limits;
import static dev.gazette.comment.ReplyPolicyHttpTest.post;
import static dev.gazette.comment.ReplyPolicyHttpTest.site;
import static dev.gazette.comment.ReplyPolicyHttpTest.stateOf;
import static dev.gazette.comment.ReplyPolicyHttpTest.storedReplies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.web.Browser;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** What an attacker (or a hurried reader) met at the reply form: floods, the time trap, borrowed identities. */
class ReplyAbuseHttpTest {

    @Test
    void oneAddressCannotFloodTheStoryAndIsToldWhenToComeBack() {
        try (TestSite site = site(0, limits(30, 1000), Duration.ofHours(1))) {
            Browser flooder = new Browser(site);
            int accepted = 0;
            HttpResponse<String> refused = null;
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> sent = post(site, flooder, "Reply number " + i + " from one address.",
                        "flood" + i + "@example.org", Map.of());
                if (sent.statusCode() == 303) accepted++;
                else if (sent.statusCode() == 429 && refused == null) refused = sent;
            }
            // 30 an hour allows a burst of ten minutes' worth: five.
            assertThat(accepted).isEqualTo(5);
            assertThat(storedReplies(site)).isEqualTo(5);
            assertThat(refused).isNotNull();
            long wait = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(wait).isBetween(1L, 120L);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select("textarea#comment").text()).startsWith("Reply number 5");
            assertThat(page.select("#respond").text()).contains("too many replies").contains("minute");
            assertThat(page.select("link[rel=stylesheet]")).isNotEmpty();
        }
    }

    @Test
    void aFormSentSoonerThanAHumanWritesComesBackWithItsText() {
        try (TestSite site = site(3, CommentSettings.defaults(), Duration.ofHours(1))) {
            HttpResponse<String> sent = post(site, new Browser(site), "Instant reply, my own words.", "fast@example.org",
                    Map.of());
            assertThat(sent.statusCode()).isEqualTo(422);
            Document page = Jsoup.parse(sent.body());
            assertThat(page.select("textarea#comment").text()).isEqualTo("Instant reply, my own words.");
            assertThat(page.select("#respond").text()).contains("send it again");
            assertThat(storedReplies(site)).isZero();
        }
    }

    @Test
    void aSecondTryAfterAnErrorIsNotTakenForABot() throws InterruptedException {
        try (TestSite site = site(1, CommentSettings.defaults(), Duration.ofHours(1))) {
            Browser reader = new Browser(site);
            Map<String, String> form = new HashMap<>(Browser.fields(reader.page("/articles/policy-story"), "form.reply-form"));
            Thread.sleep(1_200); // the reader writes
            form.put("comment", "A thought, written slowly.");
            form.put("author", "Reader");
            form.put("email", "");
            HttpResponse<String> missing = reader.post("/articles/policy-story/comments", form);
            assertThat(missing.statusCode()).isEqualTo(422);
            // The reader adds the email at once and sends the same form again.
            Map<String, String> again = new HashMap<>(Browser.fields(Jsoup.parse(missing.body()), "form.reply-form"));
            again.put("email", "slow@example.org");
            HttpResponse<String> sent = reader.post("/articles/policy-story/comments", again);
            assertThat(sent.statusCode()).isEqualTo(303);
            assertThat(sent.headers().firstValue("Location").orElseThrow()).contains("#comment-");
        }
    }

    @Test
    void anEmailAloneNeverPublishesAtOnceButTheAuthorsOwnBrowserDoes() {
        try (TestSite site = site(0, CommentSettings.defaults(), Duration.ofHours(1))) {
            Browser author = new Browser(site);
            HttpResponse<String> first = post(site, author, "My first reply here.", "known@example.org", Map.of());
            String location = first.headers().firstValue("Location").orElseThrow();
            site.gazette().comments().moderate(Long.parseLong(location.substring(location.indexOf("#comment-") + 9)),
                    CommentState.APPROVED);

            Browser stranger = new Browser(site);
            HttpResponse<String> impostor = post(site, stranger, "Cheap pills, trust me.", "known@example.org", Map.of());
            assertThat(stateOf(site, impostor)).isEqualTo(CommentState.PENDING);

            assertThat(stateOf(site, post(site, author, "A second thought.", "known@example.org", Map.of())))
                    .isEqualTo(CommentState.APPROVED);
        }
    }

    @Test
    void theSameWordsTwiceOnOneStoryAreRefusedWithAWord() {
        try (TestSite site = site(0, CommentSettings.defaults(), Duration.ofHours(1))) {
            Browser reader = new Browser(site);
            assertThat(post(site, reader, "Buy the best watches here", "dup@example.org", Map.of()).statusCode())
                    .isEqualTo(303);
            HttpResponse<String> again = post(site, new Browser(site), "Buy the best watches here", "dup@example.org",
                    Map.of());
            assertThat(again.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(again.body()).select("#respond").text()).contains("already");
            assertThat(storedReplies(site)).isEqualTo(1);
        }
    }
}
