package dev.gazette.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;
import dev.gazette.web.Browser;
import dev.gazette.web.StaffBrowser;
import dev.gazette.web.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Without mail.host the site works as before, offers nothing that needs mail, and the newsroom says mail is off. */
class MailOffHttpTest {
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(true, g -> g.accounts().add("ad@gazette.test", "Ad", Role.ADMIN, "administrating all day"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void nothingOffersMailAndTheNewsroomSaysItIsOff() {
        Browser reader = new Browser(site);
        String story = reader.page("/").select("a[href^=/articles/]").first().attr("href");
        assertThat(reader.page(story).select("input#notify")).isEmpty();
        assertThat(reader.page("/privacy").text()).contains("This site sends no email.");
        assertThat(reader.page("/admin/login").select("a[href=/admin/forgot]")).isEmpty();
        assertThat(reader.get("/admin/forgot").statusCode()).isEqualTo(404);

        StaffBrowser admin = StaffBrowser.signIn(site, "ad@gazette.test", "administrating all day");
        assertThat(admin.browser().page("/admin").text()).contains("Mail is off: set mail.host");
        Document mail = admin.browser().page("/admin/mail");
        assertThat(mail.select(".card").first().text()).contains("Off").contains("No mail.host is set");
    }
}
