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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The replies queue in real headless Chromium: one click and one key per decision, each answered in place with an
 * Undo, the history after every step, and the queue and the article editor on a 375 px wide phone.
 */
class QueueBrowserTest {
    static TestSite site;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.start(1300, 1000);
        site = TestSite.start(false, 0, QueueDecisionsHttpTest.heldWithoutLimits(), g -> {
            g.articles().create(new ArticleDraft("Harbour ferries change their timetable", "", "Sailings.", "Staff", "World",
                    List.of(), ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(600)), Optional.empty()));
            g.accounts().add("ada@example.org", "Ada Admin", Role.ADMIN, "a long enough password");
        });
        browser.get(site.url("/admin/login"));
        browser.findElement(By.id("email")).sendKeys("ada@example.org");
        browser.findElement(By.id("password")).sendKeys("a long enough password");
        browser.findElement(By.cssSelector("form.reply-form button[type=submit]")).click();
        wait(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    static <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    static long reply(String text, String name) {
        Browser reader = new Browser(site);
        String slug = "/articles/harbour-ferries-change-their-timetable";
        Map<String, String> form = new HashMap<>(Browser.fields(reader.page(slug), "form.reply-form"));
        form.putAll(Map.of("comment", text, "author", name, "email", name.toLowerCase().replace(' ', '.') + "@example.org",
                "url", ""));
        String location = reader.post(slug + "/comments", form).headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
    }

    static WebElement row(long id) {
        return browser.findElement(By.id("reply-" + id));
    }

    /** The last line of the row's history, read from the page (the list sits in a closed details element). */
    static String lastHistoryLine(long id) {
        List<WebElement> lines = row(id).findElements(By.cssSelector(".history li"));
        return lines.get(lines.size() - 1).getAttribute("textContent").replaceAll("\\s+", " ").strip();
    }

    static void waitDecided(long id, boolean decided) {
        wait(d -> row(id).getAttribute("class").contains("decided") == decided);
    }

    static CommentState state(long id) {
        return site.gazette().comments().find(id).orElseThrow().state();
    }

    static void press(String keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    @Test
    void oneClickThenUndoThenTheKeyboardEachAnsweredInPlaceWithTheHistory() throws Exception {
        reply("Left waiting for another day.", "Wen Waiting"); // so the menu's count never drops to none here
        long older = reply("Will the early boat still stop at the island on Sundays?", "Rowan Reader");
        long newer = reply("Thanks, the new table of sailings is much clearer.", "Sasha Reader");
        browser.get(site.url("/admin/replies?state=pending"));
        String queueUrl = browser.getCurrentUrl();
        List<WebElement> history = row(newer).findElements(By.cssSelector(".history li"));
        assertThat(history.get(0).getAttribute("textContent")).contains("Received from the reply form");
        assertThat(history.get(1).getAttribute("textContent")).contains("Spam shield:").contains("held for a moderator");
        HeadlessChromium.screenshot(browser, "queue-desktop.png");

        // One click: the row answers in place, the page stays where it was.
        row(newer).findElement(By.cssSelector("button.decide-approve")).click();
        waitDecided(newer, true);
        assertThat(browser.getCurrentUrl()).isEqualTo(queueUrl);
        assertThat(row(newer).findElement(By.cssSelector(".outcome")).getText()).startsWith("Approved by you");
        assertThat(state(newer)).isEqualTo(CommentState.APPROVED);
        assertThat(lastHistoryLine(newer)).endsWith("Approved by Ada Admin");
        HeadlessChromium.screenshot(browser, "queue-after-approve.png");

        row(newer).findElement(By.cssSelector("button.undo")).click();
        waitDecided(newer, false);
        assertThat(state(newer)).isEqualTo(CommentState.PENDING);
        assertThat(lastHistoryLine(newer)).endsWith("Undone by Ada Admin: approve (back to pending)");

        // The keyboard: ? shows the help, j moves, s marks spam, z undoes, j again and d trashes.
        press("?");
        wait(d -> d.findElement(By.id("keys")).getAttribute("open") != null);
        assertThat(browser.findElement(By.id("keys")).getText()).contains("next / previous reply").contains("mark as spam");
        HeadlessChromium.screenshot(browser, "queue-keyboard-help.png");
        press("?");
        wait(d -> d.findElement(By.id("keys")).getAttribute("open") == null);

        press("j");
        assertThat(browser.findElements(By.cssSelector("li.queue-item.current"))).as("j picks a reply").hasSize(1);
        row(newer).findElement(By.cssSelector(".item-meta time")).click(); // a click on a row picks it too
        assertThat(browser.findElement(By.cssSelector("li.queue-item.current")).getAttribute("data-id"))
                .isEqualTo(String.valueOf(newer));
        press("s");
        waitDecided(newer, true);
        assertThat(state(newer)).isEqualTo(CommentState.SPAM);
        assertThat(lastHistoryLine(newer)).endsWith("Marked as spam by Ada Admin");
        press("z");
        waitDecided(newer, false);
        assertThat(state(newer)).isEqualTo(CommentState.PENDING);
        assertThat(lastHistoryLine(newer)).endsWith("Undone by Ada Admin: mark as spam (back to pending)");

        press("j");
        assertThat(browser.findElement(By.cssSelector("li.queue-item.current")).getAttribute("data-id"))
                .isEqualTo(String.valueOf(older));
        press("d");
        waitDecided(older, true);
        assertThat(state(older)).isEqualTo(CommentState.TRASH);
        assertThat(lastHistoryLine(older)).endsWith("Moved to the trash by Ada Admin");
        press("k");
        press("a");
        waitDecided(newer, true);
        assertThat(state(newer)).isEqualTo(CommentState.APPROVED);
        assertThat(browser.findElement(By.cssSelector(".staff-bar a[href='/admin/replies'] .badge")).getAttribute("data-waiting"))
                .as("the menu's count follows without reloading")
                .isEqualTo(String.valueOf(site.gazette().comments().stats().pendingCount()));
        HeadlessChromium.screenshot(browser, "queue-after-keyboard.png");
        assertThat(browser.getCurrentUrl()).isEqualTo(queueUrl);
    }

    @Test
    void bulkActionsStillTakeManyAtOnce() {
        long a = reply("First of two for the bulk action.", "Bulk One");
        long b = reply("Second of two for the bulk action.", "Bulk Two");
        browser.get(site.url("/admin/replies?state=pending"));
        row(a).findElement(By.cssSelector("input[type=checkbox]")).click();
        row(b).findElement(By.cssSelector("input[type=checkbox]")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("action"))).selectByValue("trash");
        browser.findElement(By.cssSelector(".actions button[type=submit]")).click();
        wait(d -> d.getCurrentUrl().contains("done=trash"));
        assertThat(List.of(state(a), state(b))).containsOnly(CommentState.TRASH);
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Done: 2 replies: trash");
    }

    @Test
    void onA375PixelPhoneTheQueueAndTheEditorFitTheScreen() throws Exception {
        long id = reply("Reading this on the ferry, on my phone, with a very long word: Fährverbindungsfahrplanänderung.",
                "Phone Reader");
        WebDriver phone = HeadlessChromium.start(500, 812);
        try {
            // Desktop Chromium's windows are 500 px wide at least: the phone's screen is emulated, as DevTools does.
            ((org.openqa.selenium.chrome.ChromeDriver) phone).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
            phone.get(site.url("/admin/login"));
            phone.findElement(By.id("email")).sendKeys("ada@example.org");
            phone.findElement(By.id("password")).sendKeys("a long enough password");
            phone.findElement(By.cssSelector("form.reply-form button[type=submit]")).click();
            new WebDriverWait(phone, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
            JavascriptExecutor js = (JavascriptExecutor) phone;
            assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(375);

            phone.get(site.url("/admin/replies?state=pending"));
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .as("no sideways scrolling in the queue").isLessThanOrEqualTo(375);
            HeadlessChromium.screenshot(phone, "queue-phone-375.png");
            WebElement approve = phone.findElement(By.cssSelector("#reply-" + id + " button.decide-approve"));
            assertThat(approve.getRect().getX() + approve.getRect().getWidth()).isLessThanOrEqualTo(375);
            approve.click();
            // The row is replaced in place: a lookup may catch the old one just as it goes.
            new WebDriverWait(phone, Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("reply-" + id)).getAttribute("class").contains("decided"));
            assertThat(state(id)).isEqualTo(CommentState.APPROVED);
            HeadlessChromium.screenshot(phone, "queue-phone-375-approved.png");

            phone.get(site.url("/admin/articles/new"));
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .as("no sideways scrolling in the editor").isLessThanOrEqualTo(375);
            WebElement body = phone.findElement(By.id("body"));
            assertThat(body.getRect().getX() + body.getRect().getWidth()).isLessThanOrEqualTo(375);
            HeadlessChromium.screenshot(phone, "editor-phone-375.png");
        } finally {
            phone.quit();
        }
    }
}
