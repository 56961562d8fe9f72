package dev.gazette.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.comment.CommentSettings;
import dev.gazette.web.HeadlessChromium;
import dev.gazette.web.TestSite;
import jakarta.mail.internet.MimeMessage;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In real headless Chromium: a reader ticks "Notify me", confirms from the mail, and a moderator opens Mail. */
class MailBrowserTest {
    static Smtp smtp;
    static TestSite site;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.start(1200, 1600);
        smtp = Smtp.start();
        site = TestSite.withMail(smtp.settings(), CommentSettings.defaults(), g -> {
            g.articles().create(new ArticleDraft("Harbour bridge reopens", "Summary.", "The bridge is open again.",
                    "Staff", "World", List.of(), ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(600)),
                    Optional.empty()));
            g.accounts().add("mod@gazette.test", "Mo Rahman", Role.MODERATOR, "moderating all day");
        });
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
        if (smtp != null) smtp.close();
    }

    @Test
    void aReaderAsksForRepliesConfirmsFromTheMailAndTheModeratorSeesTheOutbox() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(site.url("/articles/harbour-bridge-reopens"));
        browser.findElement(By.id("comment")).sendKeys("Is the cycle lane open as well?");
        browser.findElement(By.id("author")).sendKeys("Zoë Ångström");
        browser.findElement(By.id("email")).sendKeys("zoe@readers.test");
        assertThat(browser.findElement(By.id("notify")).isSelected()).isFalse();
        browser.findElement(By.id("notify")).click();
        HeadlessChromium.screenshot(browser, "mail-reply-form.png");
        browser.findElement(By.cssSelector("form.reply-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".awaiting")));

        List<MimeMessage> mails = smtp.await("zoe@readers.test", 1);
        assertThat(mails).hasSize(1);
        Path raw = Path.of("target/screenshots/mail-confirm.eml");
        Files.writeString(raw, Smtp.raw(mails.get(0)));
        Files.writeString(Path.of("target/screenshots/mail-confirm.html"), Smtp.html(mails.get(0)));
        browser.get(site.url(Smtp.link(mails.get(0), "/mail/confirm")));
        HeadlessChromium.screenshot(browser, "mail-confirm-page.png");
        browser.findElement(By.cssSelector("form[action^='/mail/confirm'] button")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
                .isEqualTo("Confirmed");

        List<MimeMessage> toModerator = smtp.await("mod@gazette.test", 1);
        Files.writeString(Path.of("target/screenshots/mail-held.eml"), Smtp.raw(toModerator.get(0)));
        browser.get(site.url("/admin/login"));
        HeadlessChromium.screenshot(browser, "mail-signin.png");
        browser.findElement(By.id("email")).sendKeys("mod@gazette.test");
        browser.findElement(By.id("password")).sendKeys("moderating all day");
        browser.findElement(By.cssSelector("form.signin-form button")).click();
        // "/admin" alone is already true on the sign-in page: wait for the sign-in to land, or the dashboard it
        // redirects to can arrive after the mail page was asked for.
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/admin/login")));
        browser.get(site.url("/admin/mail"));
        wait.until(ExpectedConditions.urlContains("/admin/mail"));
        assertThat(browser.findElement(By.cssSelector(".card")).getText()).contains("On");
        HeadlessChromium.screenshot(browser, "mail-newsroom.png");
        browser.get(site.url("/admin"));
        HeadlessChromium.screenshot(browser, "mail-dashboard.png");
        browser.get(site.url("/privacy"));
        org.openqa.selenium.WebElement email = browser.findElement(By.xpath("//h2[text()='Email']"));
        assertThat(email.findElement(By.xpath("following-sibling::table")).getText())
                .contains("Notify me of replies to my comment").contains("unsubscribe link");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", email);
        HeadlessChromium.screenshot(browser, "mail-privacy.png");
    }
}
