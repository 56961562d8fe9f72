package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.web.HeadlessChromium;
import dev.gazette.web.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader in real headless Chromium posts a reply, answers another in place, and sees the pending notice. */
class RepliesBrowserTest {
    static TestSite site;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.start(1200, 1800);
        site = TestSite.start(false, g -> g.articles().create(new ArticleDraft("Night ferry returns", "Summary.",
                "The ferry is back.", "Staff", "World", List.of(), ArticleState.PUBLISHED,
                Optional.of(Instant.now().minusSeconds(600)), Optional.empty())));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    private static void fill(String comment, String name, String email) {
        browser.findElement(By.id("comment")).sendKeys(comment);
        WebElement author = browser.findElement(By.id("author"));
        author.clear();
        author.sendKeys(name);
        WebElement mail = browser.findElement(By.id("email"));
        mail.clear();
        mail.sendKeys(email);
        browser.findElement(By.cssSelector("form.reply-form button[type=submit]")).click();
    }

    @Test
    void postsAReplyAnswersAnotherAndSeesThePendingNotice() throws Exception {
        browser.get(site.url("/articles/night-ferry-returns"));
        assertThat(browser.findElement(By.cssSelector("#respond h2")).getText()).startsWith("Leave a Reply");
        fill("Glad the ferry is back.", "Ines Vale", "ines@example.org");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".awaiting")));
        assertThat(notice.getText()).isEqualTo("Your comment is awaiting moderation.");
        long first = Long.parseLong(browser.getCurrentUrl().replaceAll(".*#comment-", ""));

        site.gazette().comments().moderate(first, CommentState.APPROVED);
        browser.get(site.url("/articles/night-ferry-returns"));
        browser.findElement(By.cssSelector("#comment-" + first + " a.reply-link")).click();
        // With script on, the form moved under the reply instead of loading a new page.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#comment-" + first + " #respond")));
        assertThat(browser.findElement(By.id("reply-title")).getText()).startsWith("Leave a Reply to Ines Vale");
        fill("Me too, it saves an hour.", "Noor Patel", "noor@example.org");

        WebElement nested = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#comment-" + first + " ol.children .awaiting")));
        assertThat(nested.getText()).isEqualTo("Your comment is awaiting moderation.");

        Path shot = HeadlessChromium.screenshot(browser, "reply-pending.png");
        assertThat(Files.size(shot)).isPositive();
    }
}
