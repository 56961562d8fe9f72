package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.store.StatementLog;
import dev.gazette.web.Browser;
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

class CommentHttpTest {
    static final String ARTICLE = "/articles/river-festival-returns";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(false, g -> g.articles().create(new ArticleDraft("River festival returns", "Boats and music.",
                "The festival is back.", "Kit Marlow", "World", List.of("Culture"), ArticleState.PUBLISHED,
                Optional.of(Instant.now().minusSeconds(3600)), Optional.empty())));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Map<String, String> form(Browser reader, String path, String comment, String name, String email, String url) {
        Map<String, String> fields = new HashMap<>(Browser.fields(reader.page(path), "form.reply-form"));
        fields.put("comment", comment);
        fields.put("author", name);
        fields.put("email", email);
        fields.put("url", url);
        return fields;
    }

    static long idFrom(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
    }

    @Test
    void theFormHasEveryFieldLabelAndNote() {
        Document doc = new Browser(site).page(ARTICLE);
        assertThat(doc.select("#respond h2").text()).startsWith("Leave a Reply");
        assertThat(doc.select("label[for=comment]").text()).isEqualTo("Comment *");
        assertThat(doc.select("label[for=author]").text()).isEqualTo("Name *");
        assertThat(doc.select("label[for=email]").text()).isEqualTo("Email *");
        assertThat(doc.select("label[for=url]").text()).isEqualTo("Website");
        assertThat(doc.select(".form-note").text()).contains("Your email address will not be published.")
                .contains("Required fields are marked *");
        assertThat(doc.select("input#remember").hasAttr("checked")).isFalse();
        assertThat(doc.select("label[for=remember]").text())
                .isEqualTo("Save my name, email, and website in this browser for the next time I comment.");
        assertThat(doc.select(".shield-note").text()).contains("spam filter").contains("comment data is processed");
        assertThat(doc.select(".shield-note a").attr("href")).isEqualTo("/privacy");
        assertThat(doc.select("input[name=phone]").attr("tabindex")).isEqualTo("-1");
        assertThat(doc.select("input[name=form_token]").attr("value")).isNotBlank().doesNotContain("@@");
    }

    @Test
    void aFirstReplyWaitsForModerationAndOnlyItsAuthorSeesIt() {
        Browser author = new Browser(site);
        HttpResponse<String> sent = author.post(ARTICLE + "/comments",
                form(author, ARTICLE, "What a lovely *festival*.", "Rowan Ash", "rowan@example.org", ""));
        assertThat(sent.statusCode()).isEqualTo(303);
        long id = idFrom(sent);

        Document own = author.page(ARTICLE);
        assertThat(own.select("#comment-" + id + " .awaiting").text()).isEqualTo("Your comment is awaiting moderation.");
        assertThat(own.select("#comment-" + id + " .reply-body em").text()).isEqualTo("festival");

        Document stranger = new Browser(site).page(ARTICLE);
        assertThat(stranger.select("#comment-" + id)).isEmpty();
        assertThat(site.gazette().comments().find(id)).hasValueSatisfying(c ->
                assertThat(c.state()).isEqualTo(CommentState.PENDING));
    }

    @Test
    void invalidFormsComeBackWith422EveryValueKeptAndAMessagePerField() {
        Browser reader = new Browser(site);
        Map<String, String> fields = form(reader, ARTICLE, "", "", "not-an-email", "ftp://files.example/x");
        HttpResponse<String> response = reader.post(ARTICLE + "/comments", fields);
        assertThat(response.statusCode()).isEqualTo(422);
        Document doc = Jsoup.parse(response.body());
        assertThat(doc.select("#comment-error").text()).isEqualTo("Please write a comment.");
        assertThat(doc.select("#author-error").text()).isEqualTo("Please enter your name.");
        assertThat(doc.select("#email-error").text()).contains("valid email address");
        assertThat(doc.select("#url-error").text()).contains("http:// or https://");
        assertThat(doc.select("#email").attr("value")).isEqualTo("not-an-email");
        assertThat(doc.select("#url").attr("value")).isEqualTo("ftp://files.example/x");
        assertThat(doc.select("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.select("#comment").attr("aria-describedby")).isEqualTo("comment-error");
    }

    @Test
    void tooLongTextsAndControlCharactersAreRefusedWithTheTextKept() {
        Browser reader = new Browser(site);
        String longText = "word ".repeat(1001);
        HttpResponse<String> tooLong = reader.post(ARTICLE + "/comments",
                form(reader, ARTICLE, longText, "N".repeat(101), "a@b.example", ""));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        Document doc = Jsoup.parse(tooLong.body());
        assertThat(doc.select("#comment-error").text()).contains("5000 characters");
        assertThat(doc.select("#author-error").text()).contains("100 characters");
        assertThat(doc.select("#comment").text()).isEqualTo(longText.strip());

        HttpResponse<String> control = reader.post(ARTICLE + "/comments",
                form(reader, ARTICLE, "Hello\u0007 there", "Bell", "bell@b.example", ""));
        assertThat(control.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(control.body()).select("#comment-error").text()).contains("control characters");
    }

    @Test
    void aFormWithAForgedOrMissingTokenIsRefusedButKept() {
        Browser reader = new Browser(site);
        Map<String, String> fields = form(reader, ARTICLE, "Kept text", "Someone", "s@example.org", "");
        fields.put("form_token", "1.2.forged");
        HttpResponse<String> response = reader.post(ARTICLE + "/comments", fields);
        assertThat(response.statusCode()).isEqualTo(422);
        Document doc = Jsoup.parse(response.body());
        assertThat(doc.select(".form-error").text()).contains("send it again");
        assertThat(doc.select("#comment").text()).isEqualTo("Kept text");

        fields.remove("form_token");
        assertThat(reader.post(ARTICLE + "/comments", fields).statusCode()).isEqualTo(422);
    }

    @Test
    void rememberMeSetsACookieOnlyWhenTicked() {
        Browser reader = new Browser(site);
        Map<String, String> fields = form(reader, ARTICLE, "First time here.", "Tam Lin", "tam@example.org", "https://tam.example");
        HttpResponse<String> unticked = reader.post(ARTICLE + "/comments", fields);
        assertThat(unticked.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(ReaderCookies.REMEMBER));

        fields = form(reader, ARTICLE, "Second time.", "Tam Lin", "tam@example.org", "https://tam.example");
        fields.put("remember", "yes");
        HttpResponse<String> ticked = reader.post(ARTICLE + "/comments", fields);
        assertThat(ticked.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(ReaderCookies.REMEMBER)
                && c.contains("HttpOnly"));
        Document next = reader.page(ARTICLE);
        assertThat(next.select("#author").attr("value")).isEqualTo("Tam Lin");
        assertThat(next.select("#remember").hasAttr("checked")).isTrue();
    }

    @Test
    void approvedRepliesNestAndCarryAvatarsButNeverTheEmail() {
        Comments comments = site.gazette().comments();
        Browser first = new Browser(site);
        long root = idFrom(first.post(ARTICLE + "/comments",
                form(first, ARTICLE, "Top-level thought.", "Ada Root", "ada.root@example.org", "https://ada.example")));
        approve(root);
        Browser second = new Browser(site);
        Map<String, String> reply = form(second, ARTICLE + "?replyto=" + root, "A reply to Ada.", "Bo Reply",
                "bo.reply@example.org", "");
        assertThat(reply.get("comment_parent")).isEqualTo(String.valueOf(root));
        long child = idFrom(second.post(ARTICLE + "/comments", reply));
        approve(child);

        HttpResponse<String> page = new Browser(site).get(ARTICLE);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("#comment-" + root + " > ol.children > #comment-" + child)).hasSize(1);
        assertThat(doc.select("#comment-" + root + " .author a").first().attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(doc.select("#comment-" + root + " img.avatar").first().attr("src")).matches("/avatars/[A-Za-z0-9_-]{20}\\.svg");
        assertThat(page.body()).doesNotContain("ada.root@example.org").doesNotContain("bo.reply@example.org");
        assertThat(comments.find(child).orElseThrow().parentId()).contains(root);

        assertThat(doc.select("#replies-title").text()).matches("\\d+ repl(y|ies)");
        site.gazette().clearPageCache(); // lists of stories follow within the page cache's few seconds
        assertThat(Jsoup.parse(site.get("/").body()).select(".story .meta a[href$=#comments]").text())
                .matches("\\d+ repl(y|ies)");

        String avatar = doc.select("#comment-" + root + " img.avatar").first().attr("src");
        HttpResponse<String> svg = site.get(avatar);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg");
    }

    @Test
    void aReplysPostFindsItsStoryWithoutReadingTheDatabaseAgain() {
        Browser first = new Browser(site);
        assertThat(first.post(ARTICLE + "/comments", form(first, ARTICLE, "The boats were lovely this year.",
                "Ada Bell", "ada@example.org", "")).statusCode()).isEqualTo(303);
        Browser next = new Browser(site);
        Map<String, String> fields = form(next, ARTICLE, "And the music went on past midnight.", "Lee Park",
                "lee@example.org", "");

        List<String> statements;
        try (StatementLog log = StatementLog.watch(site.gazette().database())) {
            assertThat(next.post(ARTICLE + "/comments", fields).statusCode()).isEqualTo(303);
            statements = List.copyOf(log.statements());
        }
        // The story was read for the first reply and is kept until a change to an article; a reply is not one.
        assertThat(statements).as("statements of the second reply's POST: %s", statements)
                .noneMatch(sql -> sql.contains("FROM article"));
    }

    private static void approve(long id) {
        site.gazette().comments().moderate(id, CommentState.APPROVED);
    }
}
