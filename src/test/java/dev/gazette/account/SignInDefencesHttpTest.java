package dev.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.web.Browser;
import dev.gazette.web.StaffBrowser;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in and sign-out as another site or a stranger would try them. The site trusts the test's own address as a
 * proxy, so each test speaks from the addresses it names in X-Forwarded-For.
 */
class SignInDefencesHttpTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.behindProxy("127.0.0.1", g -> {
            for (String who : new String[] {"forged", "signout", "owner", "again"}) {
                g.accounts().add(who + "@example.org", who, Role.EDITOR, PASSWORD);
            }
        });
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Browser from(String address) {
        return new Browser(site, "X-Forwarded-For", address);
    }

    @Test
    void aSignInFormFromAnotherSiteSignsNobodyIn() {
        // Another site's form knows the fields but not this browser's sign-in token.
        Browser victim = from("192.0.2.10");
        HttpResponse<String> forged = victim.post("/admin/login", Map.of("email", "forged@example.org", "password", PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(victim.get("/admin").statusCode()).as("not signed in").isEqualTo(303);
        var page = Jsoup.parse(forged.body());
        assertThat(page.select(".form-error").text()).contains("sign-in form").contains("again");
        assertThat(page.select("input[name=email]").attr("value")).as("the email is kept").isEqualTo("forged@example.org");

        // Nor does a token copied from the attacker's own visit, sent from another site's page.
        Browser attacker = from("192.0.2.11");
        Map<String, String> form = new HashMap<>(Browser.fields(attacker.page("/admin/login"), "form.signin-form"));
        form.putAll(Map.of("email", "forged@example.org", "password", PASSWORD));
        Browser crossSite = new Browser(site, "X-Forwarded-For", "192.0.2.11", "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.post("/admin/login", form).statusCode()).isEqualTo(403);

        // The form the person sees still works, from this page after an error too.
        assertThat(StaffBrowser.submitSignIn(victim, "forged@example.org", PASSWORD).statusCode()).isEqualTo(303);
        assertThat(victim.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutNeedsTheSessionsFormToken() {
        Browser browser = from("192.0.2.20");
        assertThat(StaffBrowser.submitSignIn(browser, "signout@example.org", PASSWORD).statusCode()).isEqualTo(303);
        String csrf = browser.page("/admin").select("input[name=csrf]").attr("value");

        assertThat(browser.post("/admin/logout", Map.of()).statusCode()).as("no token").isEqualTo(403);
        assertThat(browser.post("/admin/logout", Map.of("csrf", "forged")).statusCode()).as("wrong token").isEqualTo(403);
        assertThat(browser.get("/admin/logout").statusCode()).as("a link cannot sign out").isNotIn(200, 303);
        assertThat(browser.get("/admin").statusCode()).as("still signed in").isEqualTo(200);

        assertThat(browser.post("/admin/logout", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void failuresFromOneAddressDoNotLockTheOwnerOutElsewhere() {
        Browser stranger = from("203.0.113.66");
        for (int i = 0; i < 6; i++) {
            int status = StaffBrowser.submitSignIn(stranger, "owner@example.org", "guess number " + i).statusCode();
            assertThat(status).isIn(401, 429);
        }
        assertThat(StaffBrowser.submitSignIn(stranger, "owner@example.org", PASSWORD).statusCode())
                .as("the stranger's address waits, even with the right password").isEqualTo(429);

        Browser owner = from("198.51.100.7");
        assertThat(StaffBrowser.submitSignIn(owner, "owner@example.org", PASSWORD).statusCode()).isEqualTo(303);
        assertThat(owner.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void signingInAgainEndsTheSessionTheBrowserHad() {
        Browser browser = from("192.0.2.40");
        assertThat(StaffBrowser.submitSignIn(browser, "again@example.org", PASSWORD).statusCode()).isEqualTo(303);
        String first = browser.cookie(Sessions.COOKIE).orElseThrow();
        assertThat(StaffBrowser.submitSignIn(browser, "again@example.org", PASSWORD).statusCode()).isEqualTo(303);
        String second = browser.cookie(Sessions.COOKIE).orElseThrow();
        assertThat(second).isNotEqualTo(first);

        assertThat(site.get("/admin", "Cookie", Sessions.COOKIE + "=" + first).statusCode()).as("the old session").isEqualTo(303);
        assertThat(site.get("/admin", "Cookie", Sessions.COOKIE + "=" + second).statusCode()).isEqualTo(200);
    }
}
