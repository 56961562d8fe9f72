package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;

/** A site with an editor (ed@example.org) and a moderator (mo@example.org), for the newsroom's HTTP tests. */
public final class NewsroomSite {
    public static final String PASSWORD = "a long password here";

    private NewsroomSite() {
    }

    public static TestSite start() {
        return TestSite.start(false, g -> {
            g.accounts().add("ed@example.org", "Ed", Role.EDITOR, PASSWORD);
            g.accounts().add("mo@example.org", "Mo", Role.MODERATOR, PASSWORD);
        });
    }

    /** A browser signed in through the real form as one of them. */
    public static Browser signedIn(TestSite site, String email) {
        Browser browser = new Browser(site);
        assertThat(StaffBrowser.submitSignIn(browser, email, PASSWORD).statusCode()).as("sign-in").isEqualTo(303);
        return browser;
    }
}
