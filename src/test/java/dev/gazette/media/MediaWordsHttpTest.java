package dev.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.web.Browser;
import dev.gazette.web.NewsroomSite;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changing a picture's alt text, caption and credit after the upload, and the pages that show them following. */
class MediaWordsHttpTest {
    @RegisterExtension
    static final NewsroomSite site = new NewsroomSite();

    private static Map<String, String> words(Document page, String alt, String caption, String credit) {
        Map<String, String> form = new LinkedHashMap<>(Browser.fields(page, "form.media-words"));
        form.put("alt", alt);
        form.put("caption", caption);
        form.put("credit", credit);
        return form;
    }

    @Test
    void newWordsFromTheEditorShowOnTheStoryAndTheHomePageOnceSaved() {
        Browser editor = site.signedIn("ed@example.org");
        MediaItem lead = site.gazette().media().add(TestPictures.jpeg(1400, 900),
                new MediaText("Ferry at the pier", "The morning ferry.", "Jo Snap")).item();
        Map<String, String> story = new LinkedHashMap<>();
        story.put("csrf", Browser.fields(editor.page("/admin/articles/new"), "form.article-editor").get("csrf"));
        story.put("title", "Ferries run again");
        story.put("summary", "Service is back.");
        story.put("body", "The ferries are back on time.");
        story.put("author", "Ed");
        story.put("section", "Local");
        story.put("tags", "");
        story.put("state", "draft");
        story.put("leadImage", lead.id());
        story.put("action", "publish");
        HttpResponse<String> saved = editor.post("/admin/articles/new", story);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String editorPath = saved.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");

        // Read once so the page and the home page are kept by the page cache.
        assertThat(Jsoup.parse(site.get("/articles/ferries-run-again").body())
                .select("figure.lead-image figcaption").text()).isEqualTo("The morning ferry. Photo: Jo Snap");
        assertThat(site.get("/").body()).contains("Photo: Jo Snap");

        Document editPage = editor.page(editorPath);
        String link = editPage.select("a[href^=/admin/media/" + lead.id() + "]").attr("href");
        assertThat(link).isEqualTo("/admin/media/" + lead.id() + "?return=" + editorPath);
        Document wordsPage = editor.page(link);
        assertThat(wordsPage.select("#media-caption").attr("value")).isEqualTo("The morning ferry.");

        HttpResponse<String> refused = editor.post("/admin/media/" + lead.id(),
                words(wordsPage, " ", "The evening ferry.", "Ana Lens / Harbour Press"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document kept = Jsoup.parse(refused.body());
        assertThat(kept.select("#alt-error").text()).contains("alt text");
        assertThat(kept.select("#media-caption").attr("value")).isEqualTo("The evening ferry.");
        assertThat(kept.select("#media-credit").attr("value")).isEqualTo("Ana Lens / Harbour Press");
        assertThat(site.gazette().media().item(lead.id()).orElseThrow().caption()).isEqualTo("The morning ferry.");

        HttpResponse<String> done = editor.post("/admin/media/" + lead.id(),
                words(kept, "Ferry leaving at dusk", "The evening ferry.", "Ana Lens / Harbour Press"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains(editorPath);

        Document page = Jsoup.parse(site.get("/articles/ferries-run-again").body());
        assertThat(page.select("figure.lead-image figcaption").text())
                .isEqualTo("The evening ferry. Photo: Ana Lens / Harbour Press");
        assertThat(page.select("figure.lead-image img").attr("alt")).isEqualTo("Ferry leaving at dusk");
        assertThat(page.select("meta[property=og:image:alt]").attr("content")).isEqualTo("Ferry leaving at dusk");
        Document home = Jsoup.parse(site.get("/").body());
        assertThat(home.select("li.story figure.lead-image figcaption").text()).isEqualTo("Photo: Ana Lens / Harbour Press");
        assertThat(editor.page("/admin/media").select(".media-item[data-id=" + lead.id() + "] strong").text())
                .isEqualTo("Ferry leaving at dusk");
    }

    @Test
    void aModeratorMayNotChangeThemAndAnUnknownPictureIsNotFound() {
        MediaItem item = site.gazette().media().add(TestPictures.jpeg(500, 400),
                new MediaText("A quiet street", "", "")).item();
        Browser moderator = site.signedIn("mo@example.org");
        assertThat(moderator.get("/admin/media/" + item.id()).statusCode()).isEqualTo(403);
        String csrf = Browser.fields(moderator.page("/admin"), "form.inline").get("csrf");
        assertThat(moderator.post("/admin/media/" + item.id(), Map.of("csrf", csrf, "alt", "Changed", "caption", "",
                "credit", "")).statusCode()).isEqualTo(403);
        assertThat(site.gazette().media().item(item.id()).orElseThrow().alt()).isEqualTo("A quiet street");

        Browser editor = site.signedIn("ed@example.org");
        assertThat(editor.get("/admin/media/0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/media/not-a-picture").statusCode()).isEqualTo(404);
    }
}
