package dev.gazette.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.comment.CommentSettings;
import dev.gazette.web.Browser;
import dev.gazette.web.StaffBrowser;
import dev.gazette.web.TestSite;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole loop over a real SMTP server: a reply, the mails it sets off, confirming, and unsubscribing. */
class MailLoopHttpTest {
    static final String PASSWORD = "moderating all day";
    static Smtp smtp;
    static TestSite site;
    static StaffBrowser moderator;

    @BeforeAll
    static void start() {
        smtp = Smtp.start();
        site = TestSite.withMail(smtp.settings(), CommentSettings.defaults(), g -> {
            g.articles().create(new ArticleDraft("Ferry timetable changes", "", "Body.", "Staff", "World", List.of(),
                    ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(600)), Optional.empty()));
            g.accounts().add("mod@gazette.test", "Mo", Role.MODERATOR, PASSWORD);
            g.accounts().add("ed@gazette.test", "Ed", Role.EDITOR, PASSWORD);
        });
        moderator = StaffBrowser.signIn(site, "mod@gazette.test", PASSWORD);
    }

    @AfterAll
    static void stop() {
        site.close();
        smtp.close();
    }

    static long reply(String text, String name, String email, boolean notify, Long parent) {
        Browser reader = new Browser(site);
        Document page = reader.page("/articles/ferry-timetable-changes" + (parent == null ? "" : "?replyto=" + parent));
        Map<String, String> form = new HashMap<>(Browser.fields(page, "form.reply-form"));
        form.putAll(Map.of("comment", text, "author", name, "email", email, "url", ""));
        if (notify) form.put("notify", "yes");
        HttpResponse<String> sent = reader.post("/articles/ferry-timetable-changes/comments", form);
        String location = sent.headers().firstValue("Location").orElseThrow(() -> new AssertionError(sent.body()));
        return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
    }

    static void approve(long id) {
        assertThat(moderator.post("/admin/replies", Map.of("action", "approve", "id", String.valueOf(id),
                "state", "pending")).statusCode()).isEqualTo(303);
    }

    @Test
    void theFormOffersToFollowRepliesUntickedAndTheSameForEveryone() {
        Document page = new Browser(site).page("/articles/ferry-timetable-changes");
        assertThat(page.select("form.reply-form input#notify[type=checkbox]")).hasSize(1);
        assertThat(page.selectFirst("input#notify").hasAttr("checked")).isFalse();
        assertThat(page.select("label[for=notify]").text()).isEqualTo("Notify me of replies to my comment");
    }

    @Test
    void aReplyToAFollowedCommentIsMailedAfterOptInAndStopsAfterOneClickUnsubscribe() throws Exception {
        long question = reply("Does the early ferry still stop at the harbour?", "Ana Ödegaard", "ana@readers.test", true,
                null);
        List<MimeMessage> toAna = smtp.await("ana@readers.test", 1);
        assertThat(toAna).hasSize(1);
        MimeMessage confirm = toAna.get(0);
        assertThat(confirm.getSubject()).startsWith("Confirm");
        assertThat(confirm.getHeader("List-Unsubscribe")).isNull();

        // Confirming takes a click on a page: the GET alone (a mail scanner) changes nothing.
        String confirmLink = Smtp.link(confirm, "/mail/confirm");
        Browser ana = new Browser(site);
        Document confirmPage = ana.page(confirmLink);
        assertThat(confirmPage.select("form[action^=/mail/confirm] button").text()).contains("Yes");
        approve(question);
        long early = reply("Yes, at 6:10 every weekday.", "Ben", "ben@readers.test", false, question);
        approve(early);
        Smtp.sleep(1500);
        assertThat(smtp.to("ana@readers.test")).hasSize(1);

        HttpResponse<String> confirmed = ana.post(confirmPage.selectFirst("form[action^=/mail/confirm]").attr("action"), Map.of());
        assertThat(confirmed.statusCode()).as(confirmPage.selectFirst("form[action^=/mail/confirm]").attr("action") + " from " + confirmLink)
                .isEqualTo(200);
        assertThat(confirmed.body()).contains("Confirmed");

        long answer = reply("It does — and on Sundays from March.", "Cleo", "cleo@readers.test", false, question);
        approve(answer);
        List<MimeMessage> after = smtp.await("ana@readers.test", 2);
        assertThat(after).hasSize(2);
        MimeMessage notice = after.get(1);
        assertThat(notice.getSubject()).isEqualTo("Cleo answered you on “Ferry timetable changes”");
        assertThat(Smtp.text(notice)).contains("> It does — and on Sundays from March.")
                .contains("/articles/ferry-timetable-changes#comment-" + answer);
        assertThat(Smtp.html(notice)).contains("It does — and on Sundays from March.").doesNotContain("<img");
        assertThat(notice.getFrom()[0].toString()).contains("Test Gazette").contains("newsroom@gazette.test");
        assertThat(Smtp.raw(notice)).doesNotContain("cleo@readers.test").doesNotContain("ben@readers.test");
        String unsubscribe = notice.getHeader("List-Unsubscribe")[0];
        assertThat(notice.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(unsubscribe).startsWith("<" + site.url("/mail/unsubscribe?"));

        // RFC 8058: the mail program POSTs to the link from its own server, no cookie, no sign-in.
        HttpResponse<String> stopped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(unsubscribe.substring(1, unsubscribe.length() - 1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stopped.statusCode()).isEqualTo(200);

        approve(reply("Thanks, see you on board.", "Dev", "dev@readers.test", false, question));
        Smtp.sleep(1500);
        assertThat(smtp.to("ana@readers.test")).hasSize(2);
    }

    @Test
    void aForgedUnsubscribeLinkIsRefused() {
        HttpResponse<String> forged = site.postForm("/mail/unsubscribe?s=1&k=not-the-signature",
                Map.of("List-Unsubscribe", "One-Click"));
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(new Browser(site).get("/mail/confirm?s=1&k=AAAA").statusCode()).isEqualTo(404);
    }

    @Test
    void aHeldReplyIsMailedToTheModeratorWithALinkIntoTheQueue() throws Exception {
        // The first held reply after a quiet spell goes out at once; the others of the class wait for the digest.
        reply("Will the night ferry come back?", "Eli", "eli@readers.test", false, null);
        List<MimeMessage> mails = smtp.await("mod@gazette.test", 1);
        assertThat(mails).hasSize(1);
        MimeMessage held = mails.get(0);
        assertThat(held.getSubject()).startsWith("A reply waits for moderation");
        assertThat(Smtp.text(held)).contains("/admin/replies?state=pending");
        assertThat(held.getHeader("List-Unsubscribe")).isNotNull();
    }

    @Test
    void aForgottenPasswordIsResetByASingleUseMailedLinkWhoseTokenIsStoredOnlyAsAHash() {
        Document signIn = new Browser(site).page("/admin/login");
        assertThat(signIn.select("a[href=/admin/forgot]").text()).isEqualTo("Forgot your password?");

        Browser ed = new Browser(site);
        HttpResponse<String> asked = ed.post("/admin/forgot", Map.of("email", "ed@gazette.test"));
        HttpResponse<String> stranger = ed.post("/admin/forgot", Map.of("email", "nobody@gazette.test"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(stranger.body().replace("nobody@gazette.test", "ed@gazette.test")).isEqualTo(asked.body());
        List<MimeMessage> mails = smtp.await("ed@gazette.test", 1);
        assertThat(mails).hasSize(1);
        String link = Smtp.link(mails.get(0), "/admin/reset?t=");
        String token = link.substring(link.indexOf("t=") + 2);
        List<String> stored = site.gazette().database().reads().withHandle(h -> h.createQuery(
                "SELECT token_hash FROM mail_password_reset").mapTo(String.class).list());
        assertThat(stored).hasSize(1).doesNotContain(token);
        assertThat(smtp.to("nobody@gazette.test")).isEmpty();

        Document form = ed.page(link);
        assertThat(form.select("input[name=password]")).hasSize(1);
        HttpResponse<String> tooShort = ed.post("/admin/reset", Map.of("t", token, "password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("at least 12 characters");
        HttpResponse<String> done = ed.post("/admin/reset", Map.of("t", token, "password", "a brand new passphrase"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(StaffBrowser.submitSignIn(new Browser(site), "ed@gazette.test", "a brand new passphrase").statusCode())
                .isEqualTo(303);
        assertThat(ed.get(link).statusCode()).as("used up").isEqualTo(410);
        assertThat(ed.post("/admin/reset", Map.of("t", token, "password", "another new passphrase")).statusCode())
                .isEqualTo(410);
    }

    @Test
    void thePrivacyPageAndTheNewsroomSayWhatIsSent() {
        Document privacy = new Browser(site).page("/privacy");
        assertThat(privacy.text()).contains("Notify me of replies to my comment").contains("unsubscribe link")
                .doesNotContain("This site sends no email");
        Document mail = moderator.browser().page("/admin/mail");
        assertThat(mail.select(".card").first().text()).contains("On").contains("127.0.0.1:" + smtp.port());
        assertThat(moderator.browser().page("/admin").select(".card").text()).contains("Mail is on.");
    }
}
