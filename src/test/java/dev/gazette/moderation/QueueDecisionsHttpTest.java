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
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The queue's one-click decisions, their Undo, each reply's history, the filters and the menu's count, over HTTP. */
class QueueDecisionsHttpTest {
    static final String PASSWORD = "moderating all day long";
    static TestSite site;
    static StaffBrowser moderator;
    static StaffBrowser admin;

    @BeforeAll
    static void start() {
        site = TestSite.start(false, 0, heldWithoutLimits(), g -> {
            g.articles().create(new ArticleDraft("Harbour ferries change their timetable", "", "Body.", "Staff", "World",
                    List.of(), ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(600)), Optional.empty()));
            g.articles().create(new ArticleDraft("Night market opens", "", "Body.", "Staff", "World", List.of(),
                    ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(600)), Optional.empty()));
            g.accounts().add("mo@example.org", "Mo", Role.MODERATOR, PASSWORD);
            g.accounts().add("ada@example.org", "Ada", Role.ADMIN, PASSWORD);
        });
        moderator = StaffBrowser.signIn(site, "mo@example.org", PASSWORD);
        admin = StaffBrowser.signIn(site, "ada@example.org", PASSWORD);
    }

    /** Every reply waits for a moderator, and one test address may send as many as it likes. */
    static dev.gazette.comment.CommentSettings heldWithoutLimits() {
        return new dev.gazette.comment.CommentSettings(true, false, 2, List.of(), List.of(), 0, false, 5, 50, false, 5000,
                100, 15, 0, 0, dev.gazette.privacy.Retention.defaults());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static long reply(String slug, String text, String name, String email, Optional<Long> parent) {
        Browser reader = new Browser(site);
        Map<String, String> form = new HashMap<>(Browser.fields(reader.page("/articles/" + slug), "form.reply-form"));
        form.putAll(Map.of("comment", text, "author", name, "email", email, "url", ""));
        parent.ifPresent(p -> form.put("comment_parent", String.valueOf(p)));
        String location = reader.post("/articles/" + slug + "/comments", form).headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
    }

    static long ferryReply(String text, String name, String email) {
        return reply("harbour-ferries-change-their-timetable", text, name, email, Optional.empty());
    }

    static CommentState state(long id) {
        return site.gazette().comments().find(id).orElseThrow().state();
    }

    static HttpResponse<String> decide(long id, String decision, String tab) {
        return moderator.post("/admin/replies/" + id, Map.of("decision", decision, "state", tab));
    }

    static long undoIdIn(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll(".*[?&]undo=(\\d+).*", "$1"));
    }

    static List<String> history(long id) {
        return site.gazette().comments().find(id).isEmpty() ? List.of()
                : new dev.gazette.comment.ReplyHistory(site.gazette().database()).of(id).stream()
                .map(dev.gazette.comment.ReplyEvent::words).toList();
    }

    static int historyRows(long id) {
        return site.gazette().database().reads().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM reply_event WHERE comment_id = :c").bind("c", id).mapTo(Integer.class).one());
    }

    @Test
    void eachOneClickDecisionMovesTheReplyInOneRequestAndWritesWhoDidIt() {
        long id = ferryReply("Will the early boat still stop at the island?", "Rowan", "rowan@example.org");
        String[][] steps = {{"approve", "pending", "APPROVED", "Approved by Mo"},
                {"unapprove", "approved", "PENDING", "Unapproved by Mo (back to pending)"},
                {"spam", "pending", "SPAM", "Marked as spam by Mo"},
                {"not_spam", "spam", "APPROVED", "Marked as not spam by Mo, published"},
                {"trash", "approved", "TRASH", "Moved to the trash by Mo"},
                {"restore", "trash", "PENDING", "Restored from the trash by Mo (pending)"}};
        for (String[] step : steps) {
            HttpResponse<String> done = decide(id, step[0], step[1]);
            assertThat(done.statusCode()).as(step[0]).isEqualTo(303);
            assertThat(done.headers().firstValue("Location").orElseThrow()).as(step[0])
                    .startsWith("/admin/replies?state=" + step[1] + "&done=" + step[0] + "&n=1&undo=");
            assertThat(state(id)).as(step[0]).isEqualTo(CommentState.valueOf(step[2]));
            assertThat(history(id)).as(step[0]).last().isEqualTo(step[3]);
        }
        assertThat(history(id)).first().isEqualTo("Received from the reply form");
        assertThat(history(id).get(1)).startsWith("Spam shield: ").contains("% likely spam");
    }

    @Test
    void approvingPublishesAtOnceAndUndoTakesItOffThePublicPageAgain() {
        Browser reader = new Browser(site);
        long id = ferryReply("The new timetable suits commuters much better.", "Sasha", "sasha@example.org");
        reader.page("/articles/harbour-ferries-change-their-timetable"); // the page is now in the page cache
        HttpResponse<String> approved = decide(id, "approve", "pending");
        assertThat(reader.page("/articles/harbour-ferries-change-their-timetable").select("#comment-" + id)).hasSize(1);

        HttpResponse<String> undone = moderator.post("/admin/replies/" + id + "/undo",
                Map.of("event", String.valueOf(undoIdIn(approved)), "state", "pending"));

        assertThat(undone.statusCode()).isEqualTo(303);
        assertThat(undone.headers().firstValue("Location").orElseThrow()).contains("done=undone");
        assertThat(state(id)).isEqualTo(CommentState.PENDING);
        assertThat(reader.page("/articles/harbour-ferries-change-their-timetable").select("#comment-" + id)).isEmpty();
        assertThat(history(id)).last().isEqualTo("Undone by Mo: approve (back to pending)");
    }

    @Test
    void anUndoIsRefusedOnceTheReplyMovedOnOrTwice() {
        long id = ferryReply("Is there a night ferry in summer?", "Noor", "noor@example.org");
        long approval = undoIdIn(decide(id, "approve", "pending"));
        long trash = undoIdIn(decide(id, "trash", "approved"));

        HttpResponse<String> stale = moderator.post("/admin/replies/" + id + "/undo",
                Map.of("event", String.valueOf(approval), "state", "pending"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(stale.body()).select(".notice").text()).contains("Something else happened to this reply");
        assertThat(state(id)).isEqualTo(CommentState.TRASH);

        assertThat(moderator.post("/admin/replies/" + id + "/undo", Map.of("event", String.valueOf(trash),
                "state", "approved")).statusCode()).isEqualTo(303);
        assertThat(state(id)).isEqualTo(CommentState.APPROVED);
        assertThat(moderator.post("/admin/replies/" + id + "/undo", Map.of("event", String.valueOf(trash),
                "state", "approved")).statusCode()).as("the same undo twice").isEqualTo(409);
        assertThat(state(id)).isEqualTo(CommentState.APPROVED);
    }

    @Test
    void withoutScriptTheNoticeAfterADecisionOffersUndo() {
        long id = ferryReply("Thanks for the clear table of sailings.", "Ira", "ira@example.org");
        HttpResponse<String> done = decide(id, "spam", "pending");
        Document after = moderator.browser().page(done.headers().firstValue("Location").orElseThrow());
        assertThat(after.select(".notice").text()).isEqualTo("Done: 1 reply: mark as spam");
        Element undo = after.selectFirst("form.undo-form");
        assertThat(undo.attr("action")).isEqualTo("/admin/replies/" + id + "/undo");

        HttpResponse<String> undone = moderator.browser().post(undo.attr("action"), Browser.fields(after, "form.undo-form"));

        assertThat(undone.statusCode()).isEqualTo(303);
        assertThat(state(id)).isEqualTo(CommentState.PENDING);
        assertThat(moderator.browser().page(undone.headers().firstValue("Location").orElseThrow()).select(".notice").text())
                .isEqualTo("Done: 1 reply: undone");
    }

    @Test
    void theScriptsRequestGetsTheRowBackWithUndoAndItsHistory() {
        long id = ferryReply("Could the ferry wait for the last train?", "Kai", "kai@example.org");
        HttpResponse<String> row = moderator.post("/admin/replies/" + id, Map.of("decision", "approve", "state", "pending"),
                ModerationRoutes.FRAGMENT, "row");

        assertThat(row.statusCode()).isEqualTo(200);
        assertThat(row.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(row.headers().firstValue("Gazette-Pending").orElseThrow())
                .isEqualTo(String.valueOf(site.gazette().comments().stats().pendingCount()));
        Element li = Jsoup.parseBodyFragment(row.body()).selectFirst("li#reply-" + id);
        assertThat(li.hasClass("decided")).isTrue();
        assertThat(li.select(".outcome").text()).startsWith("Approved by you");
        assertThat(li.select(".history li").last().text()).endsWith("Approved by Mo");
        Element undo = li.selectFirst("button.undo");

        HttpResponse<String> back = moderator.post(undo.attr("formaction"), Map.of(undo.attr("name"), undo.attr("value"),
                "state", "pending"), ModerationRoutes.FRAGMENT, "row");

        Element restored = Jsoup.parseBodyFragment(back.body()).selectFirst("li#reply-" + id);
        assertThat(restored.hasClass("decided")).isFalse();
        assertThat(restored.select("button.decide").eachAttr("value")).containsExactly("approve", "spam", "trash");
        assertThat(restored.select(".history li").last().text()).endsWith("Undone by Mo: approve (back to pending)");
        assertThat(state(id)).isEqualTo(CommentState.PENDING);
    }

    @Test
    void eachRowNamesItsStoryLinkedToTheReplyInPlaceAndTheReplyItAnswers() {
        long first = ferryReply("Does the new timetable start on Monday?", "Quinn Asker", "quinn@example.org");
        decide(first, "approve", "pending");
        long answer = reply("harbour-ferries-change-their-timetable", "Yes, from Monday the fourth.", "Dana", "dana@example.org",
                Optional.of(first));

        Element row = moderator.browser().page("/admin/replies?state=pending").selectFirst("li#reply-" + answer);

        assertThat(row.select("a.story-link").text()).isEqualTo("Harbour ferries change their timetable");
        assertThat(row.select("a.story-link").attr("href")).isEqualTo("/articles/harbour-ferries-change-their-timetable#comment-" + answer);
        assertThat(row.select(".in-reply").text()).isEqualTo("In reply to Quinn Asker: “Does the new timetable start on Monday?”");
        assertThat(row.select(".in-reply a").attr("href")).endsWith("#comment-" + first);
        assertThat(row.text()).doesNotContain("article #");
    }

    @Test
    void theFilterTakesAStorysTitleOrPartOfIt() {
        long ferry = ferryReply("Ferries should run later on Fridays.", "Lee", "lee@example.org");
        long market = reply("night-market-opens", "The market stalls were lovely.", "Lee", "lee@example.org", Optional.empty());

        Document byTitle = moderator.browser().page("/admin/replies?state=pending&story=MARKET");

        assertThat(byTitle.select("li.queue-item").eachAttr("data-id")).contains(String.valueOf(market))
                .doesNotContain(String.valueOf(ferry));
        assertThat(byTitle.select("input[name=story]").attr("value")).isEqualTo("MARKET");
        assertThat(moderator.browser().page("/admin/replies?state=pending&story=ferries").select("li.queue-item")
                .eachAttr("data-id")).contains(String.valueOf(ferry)).doesNotContain(String.valueOf(market));
        assertThat(moderator.browser().page("/admin/replies?state=pending&story=" + market).select("li.queue-item"))
                .as("an id is not a title").isEmpty();
    }

    @Test
    void theAuthorsOtherRepliesAreOneClickAwayAndOnlyAdminsSeeTheEmail() {
        long one = ferryReply("First note from Jo.", "Jo", "jo.private@example.org");
        long two = reply("night-market-opens", "Second note from Jo.", "Jo", "jo.private@example.org", Optional.empty());
        long other = ferryReply("A note from someone else named Jo.", "Jo", "another.jo@example.org");
        decide(two, "approve", "pending");

        HttpResponse<String> queue = moderator.get("/admin/replies?state=pending");
        assertThat(queue.body()).doesNotContain("jo.private@example.org").doesNotContain("another.jo@example.org");
        Element row = Jsoup.parse(queue.body()).selectFirst("li#reply-" + one);
        Element approvedLink = row.select(".their-replies a").stream().filter(a -> a.text().endsWith("approved"))
                .findFirst().orElseThrow();
        assertThat(approvedLink.text()).isEqualTo("1 approved");
        assertThat(approvedLink.attr("href")).isEqualTo("/admin/replies?state=approved&by=" + one);

        Document theirs = moderator.browser().page(approvedLink.attr("href"));
        assertThat(theirs.select("li.queue-item").eachAttr("data-id")).containsExactly(String.valueOf(two));
        assertThat(theirs.select(".filter-chip").text()).contains("Showing replies by Jo");
        assertThat(moderator.browser().page("/admin/replies?state=pending&by=" + one).select("li.queue-item")
                .eachAttr("data-id")).contains(String.valueOf(one)).doesNotContain(String.valueOf(other));

        assertThat(admin.browser().page("/admin/replies?state=pending").select("li#reply-" + one + " .email").text())
                .isEqualTo("jo.private@example.org");
    }

    @Test
    void theShieldsReasonsAreInWordsOnTheRow() {
        long id = ferryReply("See my page about ferries.", "www.ferry-deals.example", "deals@example.org");
        Element row = moderator.browser().page("/admin/replies?state=" + state(id).code()).selectFirst("li#reply-" + id);
        assertThat(row.select(".reasons li")).isNotEmpty();
        assertThat(row.select(".reasons li").eachText()).anySatisfy(r -> assertThat(r).containsPattern("sign of spam$"));
        assertThat(row.select(".reasons").text()).doesNotContainPattern("\\([+-][0-9]");
        assertThat(row.select(".verdict-line").text()).startsWith("Spam shield: ").contains("% likely spam");
    }

    @Test
    void correctionsAreInTheHistory() {
        long id = ferryReply("Teh ferry was late again.", "Typo", "typo@example.org");
        moderator.post("/admin/replies/" + id + "/edit", Map.of("comment", "The ferry was late again."));
        assertThat(history(id)).last().isEqualTo("Text corrected by Mo");
    }

    @Test
    void theHistoryGoesWithItsReplyOnDeletionAndErasure() {
        long deleted = ferryReply("To be deleted for good.", "Del", "del@example.org");
        decide(deleted, "trash", "pending");
        assertThat(historyRows(deleted)).isGreaterThan(1);
        moderator.post("/admin/replies", Map.of("action", "delete", "id", String.valueOf(deleted), "state", "trash"));
        assertThat(historyRows(deleted)).isZero();

        long answered = ferryReply("A question others answered.", "Eve", "eve.erase@example.org");
        decide(answered, "approve", "pending");
        reply("harbour-ferries-change-their-timetable", "An answer.", "Finn", "finn@example.org", Optional.of(answered));
        long lone = ferryReply("Another reply by the same person.", "Eve", "eve.erase@example.org");
        assertThat(historyRows(answered)).isGreaterThan(0);

        site.gazette().personalData().erase("eve.erase@example.org");

        assertThat(site.gazette().comments().find(answered).orElseThrow().erased()).as("kept as [deleted]").isTrue();
        assertThat(historyRows(answered)).isZero();
        assertThat(historyRows(lone)).isZero();
    }

    @Test
    void thePendingCountIsBesideRepliesInTheMenuOnEveryStaffPage() {
        long id = ferryReply("Counting replies in waiting.", "Cy", "cy@example.org");
        for (String path : List.of("/admin", "/admin/replies?state=approved", "/admin/replies/" + id + "/edit")) {
            Document page = moderator.browser().page(path);
            String expected = String.valueOf(site.gazette().comments().stats().pendingCount());
            Element replies = page.selectFirst(".staff-bar a[href=/admin/replies]");
            assertThat(replies.select(".badge").attr("data-waiting")).as(path).isEqualTo(expected);
            assertThat(replies.text()).as(path).isEqualTo("Replies " + expected + " waiting");
        }
        Document settings = admin.browser().page("/admin/settings");
        assertThat(settings.select(".staff-bar a[href=/admin/replies] .badge").attr("data-waiting"))
                .isEqualTo(String.valueOf(site.gazette().comments().stats().pendingCount()));
        assertThat(moderator.browser().page("/admin").select(".card .figure").first().text())
                .isEqualTo(String.valueOf(site.gazette().comments().stats().pendingCount()));
    }
}
