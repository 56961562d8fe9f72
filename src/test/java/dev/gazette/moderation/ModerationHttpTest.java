package dev.gazette.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.comment.CommentState;
import dev.gazette.web.Browser;
import dev.gazette.web.StaffBrowser;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModerationHttpTest {
    static final String PASSWORD = "moderating all day";
    static TestSite site;
    static StaffBrowser moderator;

    @BeforeAll
    static void start() {
        site = TestSite.start(false, g -> {
            g.articles().create(new ArticleDraft("Queue story", "", "Body.", "Staff", "World", List.of(),
                    ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(600)), Optional.empty()));
            g.accounts().add("mod@example.org", "Mo", Role.MODERATOR, PASSWORD);
        });
        moderator = StaffBrowser.signIn(site, "mod@example.org", PASSWORD);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static long reply(String text, String name, String email) {
        Browser reader = new Browser(site);
        Map<String, String> form = new HashMap<>(Browser.fields(reader.page("/articles/queue-story"), "form.reply-form"));
        form.putAll(Map.of("comment", text, "author", name, "email", email, "url", ""));
        String location = reader.post("/articles/queue-story/comments", form).headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
    }

    static CommentState state(long id) {
        return site.gazette().comments().find(id).orElseThrow().state();
    }

    @Test
    void thePendingTabShowsTheReplyWithEverythingAModeratorNeeds() {
        long id = reply("Is the ferry running on Sundays?", "Quinn Asker", "quinn@example.org");
        Document queue = moderator.browser().page("/admin/replies?state=pending");
        assertThat(queue.select(".tabs a").eachText()).anySatisfy(t -> assertThat(t).matches("Pending \\(\\d+\\)"));
        String row = queue.select("input[value=" + id + "]").first().closest("li").text();
        assertThat(row).contains("Is the ferry running on Sundays?").contains("Quinn Asker")
                .contains("spam").contains("checked now");
    }

    @Test
    void approvingPublishesAndIsLogged() {
        long id = reply("Lovely photos of the harbour.", "Ria", "ria@example.org");
        HttpResponse<String> done = moderator.post("/admin/replies", Map.of("action", "approve", "id", String.valueOf(id),
                "state", "pending"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(state(id)).isEqualTo(CommentState.APPROVED);
        assertThat(new Browser(site).page("/articles/queue-story").select("#comment-" + id)).hasSize(1);
        assertThat(moderator.browser().page("/admin").select("table").text()).contains("approve reply").contains("#" + id);
    }

    @Test
    void markingSpamTeachesTheShieldAtOnce() throws Exception {
        // A fresh shield's classifier abstains until it has seen enough of both kinds; seed it as a site would.
        site.gazette().shield().seed(dev.gazette.spam.eval.Datasets.load(
                java.nio.file.Path.of("src/test/resources/dev/gazette/spam/own-comments.tsv")).stream()
                .map(dev.gazette.spam.eval.LabelledText::toExample).toList());
        // Not obvious spam: a reply the shield would still let through, so the moderator's word is what teaches it.
        String text = "Interesting points about the market, I collected more notes on it this week";
        long first = reply(text, "Note Taker", "notes@example.org");
        double before = site.gazette().shield().check(site.gazette().comments().submissionOf(
                site.gazette().comments().find(first).orElseThrow())).spamProbability();

        moderator.post("/admin/replies", Map.of("action", "spam", "id", String.valueOf(first), "state", "pending"));

        assertThat(state(first)).isEqualTo(CommentState.SPAM);
        double after = site.gazette().shield().check(site.gazette().comments().submissionOf(
                site.gazette().comments().find(first).orElseThrow())).spamProbability();
        assertThat(after).as("the same text checked again").isGreaterThan(before);
    }

    @Test
    void everyActionMovesTheReplyWhereItSays() {
        long id = reply("A reply to move around.", "Mover", "mover@example.org");
        Map<String, CommentState> steps = new java.util.LinkedHashMap<>();
        steps.put("approve", CommentState.APPROVED);
        steps.put("unapprove", CommentState.PENDING);
        steps.put("trash", CommentState.TRASH);
        steps.put("restore", CommentState.PENDING);
        steps.put("spam", CommentState.SPAM);
        steps.put("not_spam", CommentState.APPROVED);
        for (var step : steps.entrySet()) {
            moderator.post("/admin/replies", Map.of("action", step.getKey(), "id", String.valueOf(id), "state", "pending"));
            assertThat(state(id)).as(step.getKey()).isEqualTo(step.getValue());
        }
        moderator.post("/admin/replies", Map.of("action", "delete", "id", String.valueOf(id), "state", "approved"));
        assertThat(site.gazette().comments().find(id)).isEmpty();
    }

    @Test
    void bulkActionsTakeManyRepliesAndBadInputIsExplained() {
        long a = reply("First of two.", "Bulk", "bulk@example.org");
        long b = reply("Second of two.", "Bulk", "bulk@example.org");
        Map<String, String> form = new HashMap<>(Map.of("action", "trash", "state", "pending", "csrf", moderator.csrf()));
        String body = "action=trash&state=pending&csrf=" + form.get("csrf") + "&id=" + a + "&id=" + b;
        HttpResponse<String> response = moderator.browser().postRaw("/admin/replies", body);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(List.of(state(a), state(b))).containsOnly(CommentState.TRASH);

        HttpResponse<String> none = moderator.post("/admin/replies", Map.of("action", "approve", "state", "pending"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(none.body()).select(".error-page").text()).contains("Tick at least one reply");
        assertThat(moderator.get("/admin/replies?state=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void aModeratorCanCorrectAReplysText() {
        long id = reply("Teh ferry is late.", "Typo", "typo@example.org");
        Document edit = moderator.browser().page("/admin/replies/" + id + "/edit");
        assertThat(edit.select("textarea#comment").text()).isEqualTo("Teh ferry is late.");
        assertThat(moderator.post("/admin/replies/" + id + "/edit", Map.of("comment", "The ferry is late.")).statusCode())
                .isEqualTo(303);
        assertThat(site.gazette().comments().find(id).orElseThrow().bodyMarkdown()).isEqualTo("The ferry is late.");
        assertThat(moderator.post("/admin/replies/" + id + "/edit", Map.of("comment", "")).statusCode()).isEqualTo(422);
    }

    @Test
    void aModeratorCanReplyAsStaff() {
        long id = reply("When does the market close?", "Curious", "curious@example.org");
        moderator.post("/admin/replies", Map.of("action", "approve", "id", String.valueOf(id), "state", "pending"));
        assertThat(moderator.browser().page("/admin/replies/" + id + "/reply").select("textarea#comment")).hasSize(1);
        assertThat(moderator.post("/admin/replies/" + id + "/reply", Map.of("comment", "At ten, every night.")).statusCode())
                .isEqualTo(303);
        Document page = new Browser(site).page("/articles/queue-story");
        assertThat(page.select("#comment-" + id + " ol.children .reply-body").text()).isEqualTo("At ten, every night.");
        assertThat(page.select("#comment-" + id + " ol.children .author").text()).isEqualTo("Mo");
        assertThat(moderator.post("/admin/replies/" + id + "/reply", Map.of("comment", " ")).statusCode()).isEqualTo(422);
    }

    @Test
    void theNoticeAfterAnActionCannotBeWrittenByALink() {
        Document crafted = moderator.browser().page("/admin/replies?state=pending&done=Your+session+expired,+sign+in+at+evil.example");
        assertThat(crafted.select(".notice")).isEmpty();
        long id = reply("Notice check.", "Noa", "noa@example.org");
        HttpResponse<String> done = moderator.post("/admin/replies", Map.of("action", "trash", "id", String.valueOf(id),
                "state", "pending"));
        Document after = moderator.browser().page(done.headers().firstValue("Location").orElseThrow());
        assertThat(after.select(".notice").text()).isEqualTo("Done: 1 reply: trash");
    }
}
