package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every answer says about caching and the browser's powers, and whose forwarding headers the site believes. */
class HeadersAndProxiesHttpTest {
    static final String PASSWORD = "correct horse battery";
    static final Consumer<dev.gazette.app.Gazette> STAFF = g -> g.accounts().add("admin@example.org", "Ada", Role.ADMIN,
            PASSWORD);
    static TestSite direct;
    static TestSite proxied;

    @BeforeAll
    static void start() {
        direct = TestSite.start(true, STAFF);
        proxied = TestSite.behindProxy("10.9.9.9, 127.0.0.0/8", STAFF);
    }

    @AfterAll
    static void stop() {
        direct.close();
        proxied.close();
    }

    @Test
    void staffPagesAndTheSignInFormAreKeptByNoCache() {
        StaffBrowser admin = StaffBrowser.signIn(direct, "admin@example.org", PASSWORD);
        for (String path : new String[] {"/admin", "/admin/replies", "/admin/settings"}) {
            assertThat(admin.get(path).headers().firstValue("Cache-Control")).as(path).contains("private, no-store");
        }
        assertThat(new Browser(direct).get("/admin/login").headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(new Browser(direct).get("/").headers().firstValue("Cache-Control").orElse(""))
                .as("the public home page stays cacheable").doesNotContain("no-store");
    }

    @Test
    void aReadersOwnViewOfAnArticleIsKeptByNoCache() {
        String article = new Browser(direct).page("/").select("a[href^=/articles/]").first().attr("href");
        Browser reader = new Browser(direct);
        Map<String, String> form = new HashMap<>(Browser.fields(reader.page(article), "form.reply-form"));
        form.putAll(Map.of("comment", "A first reply, held for the moderators.", "author", "Rea Reader",
                "email", "rea@example.org", "url", ""));
        assertThat(reader.post(article + "/comments", form).statusCode()).isEqualTo(303);

        HttpResponse<String> own = reader.get(article);
        assertThat(own.body()).as("the reader sees their pending reply").contains("A first reply, held for the moderators.");
        assertThat(own.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(new Browser(direct).get(article).headers().firstValue("Cache-Control").orElse(""))
                .as("everyone else's view is shared").startsWith("public");
    }

    @Test
    void everyPageLimitsWhatTheBrowserLetsItDo() {
        HttpResponse<String> home = direct.get("/");
        assertThat(home.headers().firstValue("Cross-Origin-Opener-Policy")).contains("same-origin");
        assertThat(home.headers().firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p)
                .contains("camera=()", "microphone=()", "geolocation=()")
                .matches("[a-z-]+=\\(\\)(, [a-z-]+=\\(\\))*"));
        assertThat(home.headers().firstValue("Strict-Transport-Security")).as("plain HTTP gets no HSTS").isEmpty();
    }

    @Test
    void forwardedProtoFromAnUntrustedPeerMakesNothingSecure() {
        HttpResponse<String> home = direct.get("/", "X-Forwarded-Proto", "https");
        assertThat(home.headers().firstValue("Strict-Transport-Security")).isEmpty();
        HttpResponse<String> signedIn = StaffBrowser.submitSignIn(new Browser(direct, "X-Forwarded-Proto", "https"),
                "admin@example.org", PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("gazette_staff="))
                .singleElement().satisfies(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void forwardedProtoFromATrustedProxyMakesCookiesSecureAndSendsHsts() {
        HttpResponse<String> home = proxied.get("/", "X-Forwarded-Proto", "https");
        assertThat(home.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(proxied.get("/", "X-Forwarded-Proto", "http").headers().firstValue("Strict-Transport-Security")).isEmpty();
        // The test speaks plain HTTP to the site, as the proxy would; its cookie jar keeps Secure cookies to itself
        // over HTTP, so the sign-in form's cookie is handed on by hand, as the browser would over HTTPS.
        HttpResponse<String> form = proxied.get("/admin/login", "X-Forwarded-Proto", "https");
        String signInCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gazette_signin="))
                .findFirst().orElseThrow();
        assertThat(signInCookie).containsIgnoringCase("Secure");
        Map<String, String> fields = new HashMap<>(Browser.fields(org.jsoup.Jsoup.parse(form.body()), "form.signin-form"));
        fields.putAll(Map.of("email", "admin@example.org", "password", PASSWORD));
        HttpResponse<String> signedIn = new Browser(proxied, "X-Forwarded-Proto", "https",
                "Cookie", signInCookie.substring(0, signInCookie.indexOf(';'))).post("/admin/login", fields);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("gazette_staff="))
                .singleElement().satisfies(c -> assertThat(c).containsIgnoringCase("Secure"));
    }

    /**
     * The sign-in limit per address shows which address the site believes: with forged X-Forwarded-For from an
     * untrusted peer every attempt still counts against the one real address; through a trusted proxy each attempt
     * comes from the address the proxy names.
     */
    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() {
        assertThat(failuresUntilTheAddressMustWait(direct, "198.51.100.")).isLessThan(20);
        assertThat(failuresUntilTheAddressMustWait(proxied, "198.51.100.")).isEqualTo(20);
    }

    private static int failuresUntilTheAddressMustWait(TestSite site, String network) {
        for (int i = 1; i <= 20; i++) {
            Browser browser = new Browser(site, "X-Forwarded-For", network + i);
            int status = StaffBrowser.submitSignIn(browser, "nobody-" + i + "@example.org", "wrong password " + i).statusCode();
            if (status == 429) return i;
            assertThat(status).isEqualTo(401);
        }
        return 20;
    }
}
