package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.privacy.Retention;
import dev.gazette.web.Browser;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The moderation policy and the shield's certain signals, seen through the real form. */
class ReplyPolicyHttpTest {

    static TestSite site(double minSeconds, CommentSettings settings, Duration articleAge) {
        return TestSite.start(false, minSeconds, settings, g -> g.articles().create(new ArticleDraft("Policy story", "",
                "Body.", "Staff", "World", List.of(), ArticleState.PUBLISHED, Optional.of(Instant.now().minus(articleAge)),
                Optional.empty())));
    }

    static HttpResponse<String> post(TestSite site, Browser reader, String text, String email, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Browser.fields(reader.page("/articles/policy-story"), "form.reply-form"));
        form.put("comment", text);
        form.put("author", "Reader");
        form.put("email", email);
        form.put("url", "");
        form.putAll(extra);
        return reader.post("/articles/policy-story/comments", form);
    }

    static CommentSettings settings(boolean holdAll, boolean approveKnown, List<String> moderation, List<String> disallowed,
                                    int closeAfterDays, int editMinutes) {
        CommentSettings d = CommentSettings.defaults();
        return new CommentSettings(holdAll, approveKnown, d.holdAtLinks(), moderation, disallowed, closeAfterDays,
                d.keepDiscarded(), d.maxDepth(), d.pageSize(), d.newestFirst(), d.maxCommentLength(), d.maxNameLength(),
                editMinutes, d.perAddressHour(), d.perNetworkHour(), Retention.defaults());
    }

    static CommentState stateOf(TestSite site, HttpResponse<String> sent) {
        String location = sent.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
        return site.gazette().comments().find(id).orElseThrow().state();
    }

    @Test
    void aFilledHoneypotIsDiscardedUnstoredAndCounted() {
        try (TestSite site = site(0, CommentSettings.defaults(), Duration.ofHours(1))) {
            Browser bot = new Browser(site);
            HttpResponse<String> sent = post(site, bot, "Great post!", "bot@example.org", Map.of("phone", "555-0100"));
            assertThat(sent.statusCode()).isEqualTo(303);
            assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("#comments");
            int discarded = site.gazette().database().reads().withHandle(h -> h.createQuery(
                    "SELECT count FROM comment_discard_count WHERE day = :d")
                    .bind("d", LocalDate.now(ZoneOffset.UTC).toString()).mapTo(Integer.class).one());
            assertThat(discarded).isEqualTo(1);
            assertThat(site.gazette().comments().stats().discardedSince(LocalDate.now(ZoneOffset.UTC).minusDays(29))).isEqualTo(1);
            assertThat(storedReplies(site)).isZero();
        }
    }

    static int storedReplies(TestSite site) {
        return site.gazette().database().reads().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM comment").mapTo(Integer.class).one());
    }

    @Test
    void knownAuthorsGoStraightThroughAndNewOnesWait() {
        try (TestSite site = site(0, CommentSettings.defaults(), Duration.ofHours(1))) {
            Browser reader = new Browser(site);
            HttpResponse<String> first = post(site, reader, "My first reply here.", "known@example.org", Map.of());
            assertThat(stateOf(site, first)).isEqualTo(CommentState.PENDING);
            String location = first.headers().firstValue("Location").orElseThrow();
            site.gazette().comments().moderate(Long.parseLong(location.substring(location.indexOf("#comment-") + 9)),
                    CommentState.APPROVED);
            HttpResponse<String> second = post(site, reader, "And a second thought.", "known@example.org", Map.of());
            assertThat(stateOf(site, second)).isEqualTo(CommentState.APPROVED);
            assertThat(stateOf(site, post(site, reader, "Two links http://a.example and http://b.example",
                    "known@example.org", Map.of()))).isEqualTo(CommentState.PENDING);
        }
    }

    @Test
    void holdAllModerationKeysAndDisallowedKeys() {
        try (TestSite site = site(0, settings(false, false, List.of("lottery"), List.of("casino"), 0, 15), Duration.ofHours(1))) {
            Browser reader = new Browser(site);
            assertThat(stateOf(site, post(site, reader, "Plain and kind words.", "a@example.org", Map.of())))
                    .isEqualTo(CommentState.APPROVED);
            assertThat(stateOf(site, post(site, reader, "Who won the Lottery?", "b@example.org", Map.of())))
                    .isEqualTo(CommentState.PENDING);
            assertThat(stateOf(site, post(site, reader, "Visit my CASINO page", "c@example.org", Map.of())))
                    .isEqualTo(CommentState.SPAM);
        }
        try (TestSite site = site(0, settings(true, false, List.of(), List.of(), 0, 15), Duration.ofHours(1))) {
            assertThat(stateOf(site, post(site, new Browser(site), "Plain words.", "a@example.org", Map.of())))
                    .isEqualTo(CommentState.PENDING);
        }
    }

    @Test
    void repliesCloseDaysAfterPublication() {
        try (TestSite site = site(0, settings(false, true, List.of(), List.of(), 7, 15), Duration.ofDays(8))) {
            Browser reader = new Browser(site);
            assertThat(reader.page("/articles/policy-story").select("#respond").text()).contains("Replies to this story are closed.");
            assertThat(reader.page("/articles/policy-story").select("form.reply-form")).isEmpty();
        }
    }

    @Test
    void authorsEditAndDeleteTheirOwnReplyWithinTheWindowOnly() {
        try (TestSite site = site(0, settings(false, false, List.of(), List.of(), 0, 15), Duration.ofHours(1))) {
            Browser author = new Browser(site);
            HttpResponse<String> sent = post(site, author, "Frist!", "typo@example.org", Map.of());
            String location = sent.headers().firstValue("Location").orElseThrow();
            long id = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));

            var editPage = author.page("/comments/" + id + "/edit");
            assertThat(editPage.select("textarea#comment").text()).isEqualTo("Frist!");
            Map<String, String> edit = new HashMap<>(Browser.fields(editPage, "form.reply-form"));
            edit.put("comment", "First!");
            assertThat(author.post("/comments/" + id + "/edit", edit).statusCode()).isEqualTo(303);
            assertThat(site.gazette().comments().find(id).orElseThrow().bodyMarkdown()).isEqualTo("First!");

            edit.put("comment", "");
            HttpResponse<String> empty = author.post("/comments/" + id + "/edit", edit);
            assertThat(empty.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(empty.body()).select(".form-error").text()).contains("Please write a comment.");

            Browser stranger = new Browser(site);
            assertThat(stranger.get("/comments/" + id + "/edit").statusCode()).isEqualTo(403);

            Map<String, String> delete = Map.of();
            assertThat(author.post("/comments/" + id + "/delete", delete).statusCode()).isEqualTo(303);
            assertThat(site.gazette().comments().find(id).orElseThrow().state()).isEqualTo(CommentState.TRASH);
            assertThat(author.page("/articles/policy-story").select("#comment-" + id)).isEmpty();
        }
        try (TestSite site = site(0, settings(false, false, List.of(), List.of(), 0, 0), Duration.ofHours(1))) {
            Browser author = new Browser(site);
            HttpResponse<String> sent = post(site, author, "No edits allowed here.", "late@example.org", Map.of());
            String location = sent.headers().firstValue("Location").orElseThrow();
            long id = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
            HttpResponse<String> late = author.get("/comments/" + id + "/edit");
            assertThat(late.statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(late.body()).select(".error-page").text()).contains("minutes to change this reply have passed");
        }
    }
}
