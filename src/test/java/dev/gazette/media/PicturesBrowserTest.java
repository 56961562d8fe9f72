package dev.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Role;
import dev.gazette.web.HeadlessChromium;
import dev.gazette.web.TestSite;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An editor in real Chromium uploads a photograph in the article editor and sees it on the published story. */
class PicturesBrowserTest {
    static TestSite site;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.start(1300, 1600);
        site = TestSite.start(false, g -> g.accounts().add("ed@example.org", "Ed Itor", Role.EDITOR, "a long enough password"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    /** A landscape "photograph": sky, sea and a lighthouse, so the screenshot shows it is the right picture. */
    static byte[] harbourPhoto() {
        BufferedImage image = new BufferedImage(1800, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(255, 170, 90), 0, 700, new Color(120, 170, 230)));
        g.fillRect(0, 0, 1800, 700);
        g.setPaint(new GradientPaint(0, 700, new Color(30, 90, 140), 0, 1200, new Color(10, 40, 70)));
        g.fillRect(0, 700, 1800, 500);
        g.setColor(Color.WHITE);
        g.fillRect(1300, 300, 90, 420);
        g.setColor(new Color(200, 30, 30));
        g.fillRect(1300, 420, 90, 60);
        g.fillRect(1300, 560, 90, 60);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 90));
        g.setColor(Color.WHITE);
        g.drawString("HARBOUR", 120, 1050);
        g.dispose();
        byte[] plain = TestPictures.encode(image, "jpeg");
        return plain;
    }

    private static WebDriverWait waitUp() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void uploadInTheEditorAndSeeItOnThePublishedStory() throws Exception {
        browser.get(site.url("/admin"));
        browser.findElement(By.id("email")).sendKeys("ed@example.org");
        browser.findElement(By.id("password")).sendKeys("a long enough password");
        browser.findElement(By.cssSelector("form.reply-form button[type=submit]")).click();
        waitUp().until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));

        browser.get(site.url("/admin/articles/new"));
        browser.findElement(By.id("title")).sendKeys("Lighthouse lit again after repairs");
        browser.findElement(By.id("summary")).sendKeys("The harbour light shines for the first time in a year.");
        browser.findElement(By.id("body")).sendKeys("Crews finished the work on Tuesday.");
        browser.findElement(By.id("section")).sendKeys("Local");

        Path photo = Files.createTempFile("harbour", ".jpg");
        Files.write(photo, harbourPhoto());
        browser.findElement(By.id("media-file")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("media-caption")).sendKeys("The lighthouse at dusk, seen from the pier.");
        browser.findElement(By.id("media-credit")).sendKeys("Ana Lens / Meridian Press");
        WebElement upload = browser.findElement(By.cssSelector("button[form=media-upload]"));
        upload.click();
        // No alt text: told so, and the file and the other fields stay as they were.
        WebElement altError = waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-alt-error")));
        assertThat(altError.getText()).contains("alt text");
        assertThat(browser.findElement(By.id("media-caption")).getAttribute("value"))
                .isEqualTo("The lighthouse at dusk, seen from the pier.");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.getElementById('media-file').files.length"))
                .isEqualTo(1L);

        browser.findElement(By.id("media-alt")).sendKeys("A white and red lighthouse above a dark sea at dusk");
        upload.click();
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-upload-status]"), "Uploaded"));
        WebElement lead = browser.findElement(By.cssSelector("[data-picture-list] input[name=leadImage]:checked"));
        assertThat(lead.getAttribute("value")).matches("[0-9a-f]{32}");

        // A second picture, dropped on the upload area, goes into the text.
        String png = Base64.getEncoder().encodeToString(TestPictures.png(700, 400, false));
        ((JavascriptExecutor) browser).executeScript(
                "var bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
                        + "var dt = new DataTransfer(); dt.items.add(new File([bytes], 'chart.png', {type: 'image/png'}));"
                        + "document.querySelector('[data-drop-zone]').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
                png);
        assertThat(browser.findElement(By.cssSelector("[data-upload-status]")).getText()).contains("chart.png");
        browser.findElement(By.id("media-alt")).sendKeys("Red and blue halves");
        upload.click();
        waitUp().until(d -> d.findElements(By.cssSelector("[data-picture-list] button[data-insert]")).size() == 2);
        assertThat(browser.findElement(By.cssSelector("[data-picture-list] input[name=leadImage]:checked")).getAttribute("value"))
                .as("the first upload stays the lead").isEqualTo(lead.getAttribute("value"));
        browser.findElement(By.xpath("//li[.//span[text()='Red and blue halves']]//button[@data-insert]")).click();
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).contains("![Red and blue halves](/media/");
        HeadlessChromium.screenshot(browser, "pictures-editor.png");

        browser.findElement(By.cssSelector(".actions button[value=publish]")).click();
        waitUp().until(d -> d.getCurrentUrl().contains("done=published"));

        browser.get(site.url("/articles/lighthouse-lit-again-after-repairs"));
        WebElement img = browser.findElement(By.cssSelector("figure.lead-image img"));
        waitUp().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", img));
        assertThat(img.getAttribute("alt")).isEqualTo("A white and red lighthouse above a dark sea at dusk");
        assertThat(img.getAttribute("currentSrc")).matches(".*/media/[0-9a-f]{32}-(480|960|1600)\\.jpg");
        assertThat(browser.findElement(By.cssSelector("figure.lead-image figcaption")).getText())
                .isEqualTo("The lighthouse at dusk, seen from the pier. Photo: Ana Lens / Meridian Press");
        WebElement inText = browser.findElement(By.cssSelector(".body img"));
        assertThat(inText.getAttribute("loading")).isEqualTo("lazy");
        HeadlessChromium.screenshot(browser, "pictures-article.png");
    }
}
