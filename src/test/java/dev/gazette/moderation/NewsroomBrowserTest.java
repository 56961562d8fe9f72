package dev.gazette.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.comment.CommentState;
import dev.gazette.web.Browser;
import dev.gazette.web.HeadlessChromium;
import dev.gazette.web.TestSite;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Staff in real headless Chromium: sign in, approve one pending reply, mark another as spam, publish an article. */
class NewsroomBrowserTest {
    static TestSite site;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.start(1300, 1200);
        site = TestSite.start(false, g -> {
            g.articles().create(new ArticleDraft("Night market opens", "", "Stalls and music.", "Staff", "World", List.of(),
                    ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(600)), Optional.empty()));
            g.accounts().add("admin@example.org", "Ada Admin", Role.ADMIN, "a long enough password");
        });
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    static long reply(String text, String email) {
        Browser reader = new Browser(site);
        Map<String, String> form = new HashMap<>(Browser.fields(reader.page("/articles/night-market-opens"), "form.reply-form"));
        form.putAll(Map.of("comment", text, "author", "Reader", "email", email, "url", ""));
        String location = reader.post("/articles/night-market-opens/comments", form).headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
    }

    static void shoot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }

    static void act(long id, String action) {
        browser.findElement(By.cssSelector("input[name=id][value='" + id + "']")).click();
        new Select(browser.findElement(By.id("action"))).selectByValue(action);
        browser.findElement(By.cssSelector(".actions button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("done="));
    }

    @Test
    void signInApproveOneReplyAndMarkAnotherAsSpam() throws Exception {
        long good = reply("The night market was wonderful, thank you for the tips.", "good@example.org");
        long bad = reply("Buy followers cheap!!! http://followers.example", "bad@example.org");

        browser.get(site.url("/admin"));
        assertThat(browser.getCurrentUrl()).contains("/admin/login");
        browser.findElement(By.id("email")).sendKeys("admin@example.org");
        browser.findElement(By.id("password")).sendKeys("a long enough password");
        shoot("newsroom-sign-in.png");
        browser.findElement(By.cssSelector("form.reply-form button[type=submit]")).click();
        // textToBe looks the heading up again on every try: the sign-in page's h1 goes stale as the dashboard loads.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
        shoot("newsroom-dashboard.png");

        browser.get(site.url("/admin/replies?state=pending"));
        shoot("newsroom-queue.png");
        act(good, "approve");
        act(bad, "spam");
        shoot("newsroom-after-actions.png");

        assertThat(site.gazette().comments().find(good).orElseThrow().state()).isEqualTo(CommentState.APPROVED);
        assertThat(site.gazette().comments().find(bad).orElseThrow().state()).isEqualTo(CommentState.SPAM);
        browser.get(site.url("/articles/night-market-opens"));
        assertThat(browser.findElements(By.id("comment-" + good))).hasSize(1);
        assertThat(browser.findElements(By.id("comment-" + bad))).isEmpty();

        browser.get(site.url("/admin/articles/new"));
        browser.findElement(By.id("title")).sendKeys("Harbour lights festival draws record crowds");
        browser.findElement(By.id("summary")).sendKeys("Lanterns lined both quays until midnight.");
        browser.findElement(By.id("body")).sendKeys("Thousands walked the quays on **Saturday** night.");
        browser.findElement(By.id("section")).sendKeys("World");
        shoot("newsroom-editor.png");
        browser.findElement(By.cssSelector("button[name=action][value=publish]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/admin/articles/new"));
        browser.get(site.url("/"));
        assertThat(browser.findElement(By.cssSelector(".story h2")).getText()).isEqualTo("Harbour lights festival draws record crowds");
        shoot("newsroom-published-home.png");
    }
}
