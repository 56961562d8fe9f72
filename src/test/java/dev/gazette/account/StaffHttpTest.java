package dev.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.web.Browser;
import dev.gazette.web.StaffBrowser;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StaffHttpTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(false, g -> {
            g.accounts().add("admin@example.org", "Ada Admin", Role.ADMIN, PASSWORD);
            g.accounts().add("mod@example.org", "Mo Moderator", Role.MODERATOR, PASSWORD);
            g.accounts().add("ed@example.org", "Ed Editor", Role.EDITOR, PASSWORD);
            g.accounts().add("locked@example.org", "Lou", Role.EDITOR, PASSWORD);
        });
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void signedOutReadersAreSentToTheSignInForm() {
        HttpResponse<String> response = new Browser(site).get("/admin");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/admin/login?next=%2Fadmin");
        var form = new Browser(site).page("/admin/login");
        assertThat(form.select("label[for=email]").text()).isEqualTo("Email");
        assertThat(form.select("input[type=password]")).hasSize(1);
    }

    @Test
    void signingInSetsAnHttpOnlySessionCookieAndLandsOnTheDashboard() {
        Browser browser = new Browser(site);
        HttpResponse<String> response = StaffBrowser.submitSignIn(browser, "admin@example.org", PASSWORD);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/admin");
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("gazette_staff=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        var dashboard = browser.page("/admin");
        assertThat(dashboard.select("h1").text()).isEqualTo("Dashboard");
        assertThat(dashboard.select(".staff-bar nav a").eachText())
                .contains("Dashboard", "Replies", "Settings", "API keys", "Data requests");

        browser.post("/admin/logout", Map.of("csrf", dashboard.select("input[name=csrf]").attr("value")));
        assertThat(browser.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void aWrongPasswordSaysSoWithoutTellingWhichPartWasWrong() {
        HttpResponse<String> response = StaffBrowser.submitSignIn(new Browser(site), "admin@example.org", "wrong password!");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(response.body()).select(".form-error").text()).contains("do not match");
        HttpResponse<String> unknown = StaffBrowser.submitSignIn(new Browser(site), "nobody@example.org", "wrong password!");
        assertThat(Jsoup.parse(unknown.body()).select(".form-error").text())
                .isEqualTo(Jsoup.parse(response.body()).select(".form-error").text());
    }

    @Test
    void repeatedFailuresMakeTheAccountWaitWithAClearMessage() {
        Browser browser = new Browser(site);
        for (int i = 0; i < 3; i++) {
            assertThat(StaffBrowser.submitSignIn(browser, "locked@example.org", "guess " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> waiting = StaffBrowser.submitSignIn(browser, "locked@example.org", PASSWORD);
        assertThat(waiting.statusCode()).isEqualTo(429);
        assertThat(waiting.headers().firstValue("Retry-After")).isPresent();
        assertThat(Jsoup.parse(waiting.body()).select(".form-error").text()).contains("Too many failed attempts").contains("seconds");
    }

    @Test
    void everyStaffRouteIsRefusedToReadersAndToTheWrongRole() {
        record Route(String path, List<String> allowed) {}
        List<Route> routes = List.of(
                new Route("/admin", List.of("admin", "mod", "ed")),
                new Route("/admin/replies", List.of("admin", "mod")),
                new Route("/admin/replies?state=spam", List.of("admin", "mod")),
                new Route("/admin/settings", List.of("admin")),
                new Route("/admin/people", List.of("admin")),
                new Route("/admin/keys", List.of("admin")),
                new Route("/admin/feeds", List.of("admin", "ed")),
                new Route("/admin/mail", List.of("admin", "mod", "ed")));
        Map<String, StaffBrowser> staff = Map.of(
                "admin", StaffBrowser.signIn(site, "admin@example.org", PASSWORD),
                "mod", StaffBrowser.signIn(site, "mod@example.org", PASSWORD),
                "ed", StaffBrowser.signIn(site, "ed@example.org", PASSWORD));
        for (Route route : routes) {
            assertThat(new Browser(site).get(route.path()).statusCode()).as("reader on " + route.path()).isEqualTo(303);
            for (var who : staff.entrySet()) {
                int status = who.getValue().get(route.path()).statusCode();
                assertThat(status).as(who.getKey() + " on " + route.path())
                        .isEqualTo(route.allowed().contains(who.getKey()) ? 200 : 403);
            }
        }
        assertThat(new Browser(site).post("/admin/replies", Map.of("action", "approve", "id", "1")).statusCode()).isEqualTo(403);
        assertThat(staff.get("ed").post("/admin/replies", Map.of("action", "approve", "id", "1")).statusCode()).isEqualTo(403);
        var moderatorMenu = staff.get("mod").browser().page("/admin").select(".staff-bar nav a").eachText();
        assertThat(moderatorMenu).containsExactly("Dashboard", "Replies", "Mail");
    }

    @Test
    void aStateChangingRequestWithoutTheFormTokenIsRefused() {
        StaffBrowser admin = StaffBrowser.signIn(site, "admin@example.org", PASSWORD);
        HttpResponse<String> response = admin.browser().post("/admin/replies", Map.of("action", "approve", "id", "1"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(response.body()).select(".error-page").text()).contains("out of date");
        assertThat(admin.post("/admin/replies", Map.of("action", "approve", "id", "1", "csrf", "forged")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theSetupLinkCreatesTheFirstAdminOnce() {
        try (TestSite fresh = TestSite.start(false, g -> {})) {
            String token = fresh.gazette().accounts().setupToken();
            Browser browser = new Browser(fresh);
            assertThat(browser.page("/admin/setup?token=" + token).select("input[name=password]")).hasSize(1);
            HttpResponse<String> tooShort = browser.post("/admin/setup",
                    Map.of("token", token, "email", "first@example.org", "name", "First", "password", "short"));
            assertThat(tooShort.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(tooShort.body()).select(".form-error").text()).contains("at least 12 characters");
            HttpResponse<String> created = browser.post("/admin/setup",
                    Map.of("token", token, "email", "first@example.org", "name", "First", "password", PASSWORD));
            assertThat(created.statusCode()).isEqualTo(303);
            assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
            assertThat(new Browser(fresh).get("/admin/setup?token=" + token).statusCode()).isEqualTo(410);
        }
    }
}
