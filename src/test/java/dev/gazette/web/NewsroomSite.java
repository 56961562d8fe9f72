package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;
import dev.gazette.app.Gazette;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A site with an editor (ed@example.org) and a moderator (mo@example.org), started once for a newsroom HTTP test
 * class that registers it: {@code @RegisterExtension static final NewsroomSite site = new NewsroomSite();}
 */
public final class NewsroomSite implements BeforeAllCallback, AfterAllCallback {
    public static final String PASSWORD = "a long password here";

    private TestSite site;

    @Override
    public void beforeAll(ExtensionContext context) {
        site = TestSite.start(false, g -> {
            g.accounts().add("ed@example.org", "Ed", Role.EDITOR, PASSWORD);
            g.accounts().add("mo@example.org", "Mo", Role.MODERATOR, PASSWORD);
        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (site != null) site.close();
    }

    public Gazette gazette() {
        return site.gazette();
    }

    public String url(String path) {
        return site.url(path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return site.get(path, headers);
    }

    /** A browser that has not signed in. */
    public Browser anonymous() {
        return new Browser(site);
    }

    /** A browser signed in through the real form as one of them. */
    public Browser signedIn(String email) {
        Browser browser = new Browser(site);
        assertThat(StaffBrowser.submitSignIn(browser, email, PASSWORD).statusCode()).as("sign-in").isEqualTo(303);
        return browser;
    }
}
