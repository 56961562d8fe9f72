package dev.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gazette.web.Browser;
import dev.gazette.web.NewsroomSite;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The newsroom's article editor over HTTP, signed in as an editor, a moderator, or nobody. */
class ArticleEditorHttpTest {
    @RegisterExtension
    static final NewsroomSite site = new NewsroomSite();

    private static String csrf(Browser browser) {
        return Browser.fields(browser.page("/admin/articles/new"), "form.article-editor").get("csrf");
    }

    /** A complete, valid editor form; tests change what they need. */
    private static Map<String, String> form(Browser browser, String title) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("csrf", csrf(browser));
        f.put("title", title);
        f.put("slug", "");
        f.put("summary", "Summary of " + title);
        f.put("body", "Body of **" + title + "**.");
        f.put("author", "Ed");
        f.put("section", "World");
        f.put("tags", "Transport, Rail");
        f.put("state", "draft");
        f.put("publishAt", "");
        f.put("sourceHeadline", "");
        f.put("sourceOutlet", "");
        f.put("sourceAgency", "");
        f.put("sourceUrl", "");
        f.put("action", "save");
        return f;
    }

    private static long idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/admin/articles/\\d+/edit\\?done=\\w+");
        return Long.parseLong(location.split("/")[3]);
    }

    private static Map<String, String> editForm(Browser browser, long id) {
        Map<String, String> f = Browser.fields(browser.page("/admin/articles/" + id + "/edit"), "form.article-editor");
        f.put("state", browser.page("/admin/articles/" + id + "/edit").selectFirst("#state option[selected]").val());
        f.put("action", "save");
        return f;
    }

    @Test
    void createsADraftThenPublishesItAndTheHomePageShowsItAtOnce() {
        Browser ed = site.signedIn("ed@example.org");
        long id = idOf(ed.post("/admin/articles/new", form(ed, "Tram line opens")));

        assertThat(site.gazette().articles().find(id).orElseThrow().state()).isEqualTo(ArticleState.DRAFT);
        assertThat(site.get("/").body()).doesNotContain("Tram line opens");
        assertThat(site.get("/articles/tram-line-opens").statusCode()).isEqualTo(404);

        Map<String, String> f = editForm(ed, id);
        assertThat(f).containsEntry("title", "Tram line opens").containsEntry("tags", "Rail, Transport");
        f.put("action", "publish");
        HttpResponse<String> published = ed.post("/admin/articles/" + id + "/edit", f);

        assertThat(published.headers().firstValue("Location")).contains("/admin/articles/" + id + "/edit?done=published");
        assertThat(site.get("/").body()).contains("Tram line opens");
        assertThat(site.get("/articles/tram-line-opens").body()).contains("<strong>Tram line opens</strong>");
        assertThat(ed.get("/admin/articles/" + id + "/edit?done=published").body()).contains("on the site now");
        assertThat(site.gazette().accounts().recentActivity(10)).extracting(e -> e.action() + " " + e.target())
                .contains("create article #" + id + " Tram line opens", "publish article #" + id + " Tram line opens");
    }

    @Test
    void refusesAnInvalidFormWith422KeepingEveryValue() {
        Browser ed = site.signedIn("ed@example.org");
        Map<String, String> f = form(ed, "");
        f.put("slug", "Not A Slug!");
        f.put("body", "Kept <text> & more");
        f.put("tags", "Kept, tags");
        f.put("state", "scheduled");
        f.put("sourceOutlet", "Harbour Times");
        f.put("sourceUrl", "javascript:alert(1)");
        int before = site.gazette().articles().forStaff(ArticleFilter.ANY, 1, 100).total();

        HttpResponse<String> r = ed.post("/admin/articles/new", f);

        assertThat(r.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#title-error").text()).contains("title");
        assertThat(page.select("#slug-error").text()).contains("not-a-slug");
        assertThat(page.select("#publishAt-error").text()).contains("scheduled article needs");
        assertThat(page.select("#sourceUrl-error").text()).contains("http");
        assertThat(page.select("#sourceHeadline-error").text()).contains("headline");
        assertThat(page.selectFirst("#title").attr("aria-describedby")).isEqualTo("title-error");
        Map<String, String> kept = Browser.fields(page, "form.article-editor");
        assertThat(kept).containsEntry("slug", "Not A Slug!").containsEntry("body", "Kept <text> & more")
                .containsEntry("tags", "Kept, tags").containsEntry("sourceOutlet", "Harbour Times")
                .containsEntry("sourceUrl", "javascript:alert(1)");
        assertThat(page.selectFirst("#state option[selected]").val()).isEqualTo("scheduled");
        assertThat(site.gazette().articles().forStaff(ArticleFilter.ANY, 1, 100).total()).isEqualTo(before);
    }

    @Test
    void editsTitleSlugAndSourceAndRefusesASlugInUse() {
        Browser ed = site.signedIn("ed@example.org");
        long first = idOf(ed.post("/admin/articles/new", form(ed, "Harbour dredging starts")));
        long second = idOf(ed.post("/admin/articles/new", form(ed, "Harbour dredging ends")));

        Map<String, String> f = editForm(ed, second);
        f.put("title", "Dredging finished early");
        f.put("slug", "dredging-finished");
        f.put("sourceHeadline", "Dredgers leave port");
        f.put("sourceAgency", "Meridian Press");
        f.put("sourceUrl", "https://example.org/dredgers");
        assertThat(ed.post("/admin/articles/" + second + "/edit", f).statusCode()).isEqualTo(303);

        Article saved = site.gazette().articles().find(second).orElseThrow();
        assertThat(saved.title()).isEqualTo("Dredging finished early");
        assertThat(saved.slug()).isEqualTo("dredging-finished");
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.source()).contains(new Source("Dredgers leave port", "", "Meridian Press",
                Optional.of("https://example.org/dredgers")));

        Map<String, String> clash = editForm(ed, second);
        clash.put("slug", site.gazette().articles().find(first).orElseThrow().slug());
        HttpResponse<String> refused = ed.post("/admin/articles/" + second + "/edit", clash);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#slug-error").text()).contains("already uses");
    }

    @Test
    void aStaleSaveAnswers409ShowingBothVersionsAndKeepingMine() {
        Browser ed = site.signedIn("ed@example.org");
        long id = idOf(ed.post("/admin/articles/new", form(ed, "Budget talks")));
        Map<String, String> theirs = editForm(ed, id);
        Map<String, String> mine = editForm(ed, id);
        theirs.put("body", "Their careful rewrite.");
        assertThat(ed.post("/admin/articles/" + id + "/edit", theirs).statusCode()).isEqualTo(303);

        mine.put("body", "My own rewrite.");
        HttpResponse<String> r = ed.post("/admin/articles/" + id + "/edit", mine);

        assertThat(r.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("[role=alert]").text()).contains("Someone else saved this article");
        assertThat(page.selectFirst("textarea.theirs-body").wholeText()).isEqualTo("Their careful rewrite.");
        Map<String, String> kept = Browser.fields(page, "form.article-editor");
        assertThat(kept.get("body")).isEqualTo("My own rewrite.");
        assertThat(site.gazette().articles().find(id).orElseThrow().bodyMarkdown()).isEqualTo("Their careful rewrite.");

        // Saving again, having seen theirs, is a deliberate choice and goes through.
        kept.put("state", "draft");
        kept.put("action", "save");
        assertThat(ed.post("/admin/articles/" + id + "/edit", kept).statusCode()).isEqualTo(303);
        assertThat(site.gazette().articles().find(id).orElseThrow().bodyMarkdown()).isEqualTo("My own rewrite.");
    }

    @Test
    void unpublishesAndDeletesAfterConfirmation() {
        Browser ed = site.signedIn("ed@example.org");
        Map<String, String> f = form(ed, "Ferry strike");
        f.put("action", "publish");
        long id = idOf(ed.post("/admin/articles/new", f));
        assertThat(site.get("/articles/ferry-strike").statusCode()).isEqualTo(200);

        Map<String, String> unpublish = Browser.fields(ed.page("/admin/articles/" + id + "/edit"),
                "form[action$=/unpublish]");
        assertThat(ed.post("/admin/articles/" + id + "/unpublish", unpublish).statusCode()).isEqualTo(303);
        assertThat(site.get("/articles/ferry-strike").statusCode()).isEqualTo(404);
        assertThat(site.get("/").body()).doesNotContain("Ferry strike");
        assertThat(site.gazette().articles().find(id).orElseThrow().state()).isEqualTo(ArticleState.DRAFT);

        Document confirm = ed.page("/admin/articles/" + id + "/delete");
        assertThat(confirm.text()).contains("Delete “Ferry strike”");
        assertThat(site.gazette().articles().find(id)).as("asking deletes nothing").isPresent();
        HttpResponse<String> deleted = ed.post("/admin/articles/" + id + "/delete",
                Browser.fields(confirm, "form[action$=/delete]"));
        assertThat(deleted.headers().firstValue("Location")).contains("/admin/articles?done=deleted");
        assertThat(site.gazette().articles().find(id)).isEmpty();
        assertThat(ed.get("/admin/articles/" + id + "/edit").statusCode()).isEqualTo(404);
        assertThat(site.gazette().accounts().recentActivity(20)).extracting(e -> e.action() + " " + e.target())
                .contains("unpublish article #" + id + " Ferry strike", "delete article #" + id + " Ferry strike");
    }

    @Test
    void listsWithFiltersNewestFirst() {
        Browser ed = site.signedIn("ed@example.org");
        site.gazette().articles().create(new ArticleDraft("Listed old story", "", "About quays.", "A", "Sport",
                List.of("Quays"), ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(7200)), Optional.empty()));
        site.gazette().articles().create(new ArticleDraft("Listed new story", "", "About quays too.", "A", "Sport",
                List.of(), ArticleState.SCHEDULED, Optional.of(Instant.now().plusSeconds(7200)), Optional.empty()));

        Document all = ed.page("/admin/articles?section=sport");
        assertThat(all.select("tr.article-row a").eachText()).containsExactly("Listed new story", "Listed old story");
        assertThat(ed.page("/admin/articles?section=sport&state=published").select("tr.article-row a").eachText())
                .containsExactly("Listed old story");
        assertThat(ed.page("/admin/articles?tag=Quays").select("tr.article-row a").eachText())
                .containsExactly("Listed old story");
        assertThat(ed.page("/admin/articles?q=quays+too").select("tr.article-row a").eachText())
                .containsExactly("Listed new story");
        assertThat(ed.page("/admin/articles?q=quays+too").selectFirst("input[name=q]").val()).isEqualTo("quays too");
        assertThat(ed.get("/admin/articles?state=lost").statusCode()).isEqualTo(400);
    }

    @Test
    void previewsServerSideAndThroughTheFragmentEndpoint() {
        Browser ed = site.signedIn("ed@example.org");
        Map<String, String> f = form(ed, "Preview only");
        f.put("body", "Some *text* <script>alert(1)</script>");
        f.put("action", "preview");
        int before = site.gazette().articles().forStaff(ArticleFilter.ANY, 1, 100).total();

        HttpResponse<String> page = ed.post("/admin/articles/new", f);

        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.selectFirst("#preview").html()).contains("<em>text</em>").doesNotContain("<script>alert");
        assertThat(Browser.fields(doc, "form.article-editor").get("body")).isEqualTo("Some *text* <script>alert(1)</script>");
        assertThat(doc.select("script[src=/static/article-editor.js]")).hasSize(1);
        assertThat(site.gazette().articles().forStaff(ArticleFilter.ANY, 1, 100).total()).isEqualTo(before);

        HttpResponse<String> fragment = ed.post("/admin/articles/preview",
                Map.of("csrf", csrf(ed), "body", "# Head\n\n<img src=x onerror=alert(1)>[a](javascript:alert(1))"));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("<h1>Head</h1>").doesNotContain("onerror").doesNotContain("javascript:");
        assertThat(site.get("/static/article-editor.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aModeratorAndASignedOutReaderAreRefusedEveryRoute() {
        Browser ed = site.signedIn("ed@example.org");
        long id = idOf(ed.post("/admin/articles/new", form(ed, "Guarded story")));
        Browser mo = site.signedIn("mo@example.org");
        String moCsrf = moderatorToken(mo);
        Browser reader = site.anonymous();
        List<String> pages = List.of("/admin/articles", "/admin/articles/new", "/admin/articles/" + id + "/edit",
                "/admin/articles/" + id + "/delete");
        List<String> actions = List.of("/admin/articles/new", "/admin/articles/preview",
                "/admin/articles/" + id + "/edit", "/admin/articles/" + id + "/unpublish",
                "/admin/articles/" + id + "/delete");

        for (String path : pages) {
            assertThat(mo.get(path).statusCode()).as("moderator GET " + path).isEqualTo(403);
            HttpResponse<String> r = reader.get(path);
            assertThat(r.statusCode()).as("reader GET " + path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(path).startsWith("/admin/login");
        }
        for (String path : actions) {
            Map<String, String> f = new LinkedHashMap<>(Map.of("title", "Hijacked", "body", "x", "author", "M",
                    "section", "World", "state", "published", "version", "1", "action", "publish"));
            assertThat(reader.post(path, f).statusCode()).as("reader POST " + path).isEqualTo(403);
            f.put("csrf", moCsrf);
            assertThat(mo.post(path, f).statusCode()).as("moderator POST " + path).isEqualTo(403);
        }
        Article still = site.gazette().articles().find(id).orElseThrow();
        assertThat(still.title()).isEqualTo("Guarded story");
        assertThat(still.state()).isEqualTo(ArticleState.DRAFT);
    }

    /** A moderator's valid form token, read from the page where they correct a reader's reply. */
    private static String moderatorToken(Browser mo) {
        site.gazette().articles().create(new ArticleDraft("Open for replies", "", "Text.", "A", "World", List.of(),
                ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(60)), Optional.empty()));
        Browser reader = site.anonymous();
        String path = "/articles/open-for-replies";
        Map<String, String> reply = new LinkedHashMap<>(Browser.fields(reader.page(path), "form.reply-form"));
        reply.putAll(Map.of("comment", "A thoughtful reply about the text.", "author", "Rea",
                "email", "rea@example.org", "url", ""));
        String location = reader.post(path + "/comments", reply).headers().firstValue("Location").orElseThrow();
        long replyId = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
        String token = Browser.fields(mo.page("/admin/replies/" + replyId + "/edit"), "form.reply-form").get("csrf");
        assertThat(token).as("moderator's token").isNotBlank();
        return token;
    }

    @Test
    void aPostWithoutTheFormTokenIsRefused() {
        Browser ed = site.signedIn("ed@example.org");
        long id = idOf(ed.post("/admin/articles/new", form(ed, "Token story")));
        Map<String, String> f = editForm(ed, id);
        f.remove("csrf");
        f.put("title", "Forged title");

        assertThat(ed.post("/admin/articles/" + id + "/edit", f).statusCode()).isEqualTo(403);
        assertThat(ed.post("/admin/articles/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(ed.post("/admin/articles/preview", Map.of("body", "x")).statusCode()).isEqualTo(403);
        Map<String, String> wrong = form(ed, "Wrong token");
        wrong.put("csrf", "not-the-token");
        assertThat(ed.post("/admin/articles/new", wrong).statusCode()).isEqualTo(403);
        assertThat(site.gazette().articles().find(id).orElseThrow().title()).isEqualTo("Token story");
    }

    @Test
    void aStyleTagLeftOpenIsRefusedWith422KeepingTheTextInsteadOfHidingTheRest() {
        Browser ed = site.signedIn("ed@example.org");
        Map<String, String> f = form(ed, "Storm warning");
        String body = "The storm reaches the coast tonight.\n\n<style>\n\nSchools close tomorrow; the ferry does not sail.";
        f.put("body", body);
        int before = site.gazette().articles().forStaff(ArticleFilter.ANY, 1, 100).total();

        HttpResponse<String> r = ed.post("/admin/articles/new", f);

        assertThat(r.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#body-error").text()).contains("<style>").contains("</style>");
        assertThat(Browser.fields(page, "form.article-editor")).containsEntry("body", body);
        assertThat(site.gazette().articles().forStaff(ArticleFilter.ANY, 1, 100).total()).isEqualTo(before);

        long id = idOf(ed.post("/admin/articles/new", form(ed, "Storm warning")));
        Map<String, String> edit = editForm(ed, id);
        edit.put("body", "Intro.\n\n<title>\n\nThe rest.");
        HttpResponse<String> saved = ed.post("/admin/articles/" + id + "/edit", edit);
        assertThat(saved.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(saved.body()).select("#body-error").text()).contains("<title>");
        assertThat(site.gazette().articles().find(id).orElseThrow().bodyMarkdown()).doesNotContain("<title>");

        f = form(ed, "Storm warning");
        f.put("body", body);
        f.put("action", "preview");
        Document preview = Jsoup.parse(ed.post("/admin/articles/new", f).body());
        assertThat(preview.select("#body-error").text()).contains("<style>");
        assertThat(preview.selectFirst("#preview").text()).contains("Schools close tomorrow");
        HttpResponse<String> fragment = ed.post("/admin/articles/preview", Map.of("csrf", csrf(ed), "body", body));
        assertThat(Jsoup.parse(fragment.body()).select("p.form-error").text()).contains("<style>");
        assertThat(Jsoup.parse(fragment.body()).text()).contains("Schools close tomorrow");
    }

    @Test
    void anImportedStoryWithATagLeftOpenKeepsItsTextAndIsLogged() {
        Logger logger = (Logger) LoggerFactory.getLogger(Articles.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            Article a = site.gazette().articles().importStory(new ArticleDraft("Agency flash", "",
                    "First paragraph.\n\n<script>\n\nSecond paragraph with the news.", "Agency", "World", List.of(),
                    ArticleState.DRAFT, Optional.empty(), Optional.empty()), "urn:agency:flash-1");
            assertThat(a.bodyHtml()).contains("Second paragraph with the news.").doesNotContain("<script");
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("Agency flash").contains("<script>");
        });
    }
}
