package dev.gazette.web;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** A staff member's browser: signs in through the real form and sends forms with the session's token. */
public final class StaffBrowser {
    private final Browser browser;

    private StaffBrowser(Browser browser) {
        this.browser = browser;
    }

    public static StaffBrowser signIn(TestSite site, String email, String password) {
        Browser browser = new Browser(site);
        HttpResponse<String> response = submitSignIn(browser, email, password);
        if (response.statusCode() != 303) {
            throw new AssertionError("Sign-in failed with " + response.statusCode() + ": " + response.body());
        }
        return new StaffBrowser(browser);
    }

    /** Opens the sign-in page and sends its form, hidden fields included, as a person would; whatever the answer. */
    public static HttpResponse<String> submitSignIn(Browser browser, String email, String password) {
        Map<String, String> form = new HashMap<>(Browser.fields(browser.page("/admin/login"), "form.signin-form"));
        form.put("email", email);
        form.put("password", password);
        return browser.post("/admin/login", form);
    }

    public Browser browser() {
        return browser;
    }

    public HttpResponse<String> get(String path) {
        return browser.get(path);
    }

    /** The session's form token, as every staff page carries it. */
    public String csrf() {
        return browser.page("/admin").select("input[name=csrf]").attr("value");
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> withToken = new HashMap<>(form);
        withToken.putIfAbsent("csrf", csrf());
        return browser.post(path, withToken);
    }

    /** Posts a form with the session's token and extra request headers (name, value…), as a page's script would. */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        Map<String, String> withToken = new HashMap<>(form);
        withToken.putIfAbsent("csrf", csrf());
        return browser.post(path, withToken, headers);
    }
}
