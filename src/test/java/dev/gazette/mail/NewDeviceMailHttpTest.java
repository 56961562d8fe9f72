package dev.gazette.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gazette.account.Role;
import dev.gazette.comment.CommentSettings;
import dev.gazette.web.Browser;
import dev.gazette.web.StaffBrowser;
import dev.gazette.web.TestSite;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A sign-in from a browser an account had not used is mailed to the account's owner, who may turn it off. */
class NewDeviceMailHttpTest {
    static final String PASSWORD = "editing all day long";
    static final String ED = "ed@gazette.test";
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            + " Version/17.5 Safari/605.1.15";
    static final String EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0";
    static Smtp smtp;
    static TestSite site;

    @BeforeAll
    static void start() {
        smtp = Smtp.start();
        site = TestSite.withMail(smtp.settings(), CommentSettings.defaults(),
                g -> g.accounts().add(ED, "Ed", Role.EDITOR, PASSWORD));
    }

    @AfterAll
    static void stop() {
        site.close();
        smtp.close();
    }

    static Browser signIn(String userAgent) {
        Browser browser = new Browser(site, "User-Agent", userAgent);
        signIn(browser);
        return browser;
    }

    static void signIn(Browser browser) {
        HttpResponse<String> answer = StaffBrowser.submitSignIn(browser, ED, PASSWORD);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    }

    static void devicesMail(Browser staff, boolean on) {
        String csrf = staff.page("/admin/mail").select("input[name=csrf]").attr("value");
        HttpResponse<String> saved = staff.post("/admin/mail/preference",
                on ? Map.of("csrf", csrf, "devices", "on") : Map.of("csrf", csrf));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(staff.page("/admin/mail").selectFirst("input#devices").hasAttr("checked")).isEqualTo(on);
    }

    @Test
    void aNewBrowserIsMailedOnceTheSameBrowserAgainNeverAndNothingWhenTurnedOff() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        try {
            // The account's first sign-in ever: nothing to compare with, so no mail. Then the same browser again.
            Browser usual = signIn(FIREFOX.replace("Firefox", "Firefox-usual"));
            assertThat(usual.cookie("gazette_device")).isPresent();
            signIn(usual);
            signIn(usual);

            signIn(FIREFOX);
            List<MimeMessage> mails = smtp.await(ED, 1);
            assertThat(mails).hasSize(1);
            MimeMessage notice = mails.get(0);
            assertThat(notice.getSubject()).isEqualTo("New sign-in to your account on Test Gazette");
            assertThat(Smtp.text(notice)).contains("Browser: Firefox on Linux").contains("Network: 127.0.0.0/24")
                    .contains("UTC").contains(site.url("/admin/forgot")).contains(site.url("/admin/login"));
            assertThat(Smtp.html(notice)).contains("Firefox on Linux").doesNotContain("<img");
            // The client's full address (the test's own, loopback) nowhere but in the links to the site.
            String origin = site.url("/").replaceAll("/$", "");
            assertThat(Smtp.text(notice).replace(origin, "") + Smtp.html(notice).replace(origin, ""))
                    .doesNotContain("127.0.0.1");
            assertThat(notice.getHeader("List-Unsubscribe")).isNull();

            // Turned off: a third browser goes unmentioned. Turned on again: the next new one is mailed.
            devicesMail(usual, false);
            signIn(SAFARI);
            devicesMail(usual, true);
            signIn(EDGE);
            List<MimeMessage> all = smtp.await(ED, 2);
            Smtp.sleep(300);
            assertThat(smtp.to(ED)).hasSize(2);
            assertThat(Smtp.text(all.get(1))).contains("Browser: Edge on Windows");
            assertThat(smtp.to(ED).stream().map(Smtp::text)).noneMatch(t -> t.contains("Safari"));
        } finally {
            root.detachAppender(logged);
        }
        // The site's logs, that is: the test's SMTP server (GreenMail) logs its own mailboxes, which shows the
        // appender heard what was logged.
        assertThat(logged.list).isNotEmpty();
        assertThat(logged.list.stream().filter(e -> !e.getLoggerName().startsWith("com.icegreen"))
                .map(ILoggingEvent::getFormattedMessage)).noneMatch(m -> m.contains(ED) || m.contains("127.0.0.1"));
    }

    @Test
    void theMailPageOffersTheSwitchToStaffWhoDoNotModerate() {
        Browser staff = new Browser(site);
        signIn(staff);
        assertThat(staff.page("/admin/mail").select("label[for=devices]").text())
                .isEqualTo("Mail me when my account is signed in to from a browser it has not been used from before");
        assertThat(staff.page("/admin/mail").select("input#notices")).isEmpty();
    }
}
