package dev.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.web.Browser;
import dev.gazette.web.NewsroomSite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Uploading pictures in the newsroom and serving them to readers, over HTTP. */
class MediaHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final NewsroomSite site = new NewsroomSite();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, String> text(Browser browser, String alt, String caption, String credit) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", Browser.fields(browser.page("/admin/media"), "form.media-upload").get("csrf"));
        form.put("alt", alt);
        form.put("caption", caption);
        form.put("credit", credit);
        return form;
    }

    private static JsonNode uploadJson(Browser editor, byte[] file, String alt) throws IOException {
        HttpResponse<String> r = editor.postFile("/admin/media", text(editor, alt, "A caption", "Ana Lens / Agency"),
                "file", "picture.bin", file, "Accept", "application/json");
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<byte[]> fetch(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path))).GET();
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anEditorUploadsAndReadersGetImmutableTypedVariantsWithoutMetadata() throws Exception {
        Browser editor = site.signedIn("ed@example.org");
        JsonNode picture = uploadJson(editor, TestPictures.photoWithLocation(1800, 1200, 1), "Harbour at dawn");

        assertThat(picture.get("srcset").asText()).contains("-480.jpg 480w", "-960.jpg 960w", "-1600.jpg 1600w");
        assertThat(picture.get("markdown").asText()).startsWith("![Harbour at dawn](/media/");
        String src = picture.get("src").asText();
        HttpResponse<byte[]> image = fetch(src);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(image.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        String etag = image.headers().firstValue("ETag").orElseThrow();
        assertThat(ImageIO.read(new ByteArrayInputStream(image.body())).getWidth()).isEqualTo(960);
        String served = new String(image.body(), StandardCharsets.ISO_8859_1);
        assertThat(served).doesNotContain("Exif", TestPictures.XMP_MARK, "51.5074N");

        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(site.url(src)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).contains("image/jpeg");

        HttpResponse<byte[]> again = fetch(src, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        Document list = editor.page("/admin/media");
        assertThat(list.select(".media-item strong").eachText()).contains("Harbour at dawn");
    }

    @Test
    void aPolyglotIsServedAsAPictureOnlyAndOtherNamesAreNotFound() throws Exception {
        Browser editor = site.signedIn("ed@example.org");
        JsonNode picture = uploadJson(editor, TestPictures.gifHtmlPolyglot(), "A polyglot");
        String src = picture.get("src").asText();
        assertThat(src).endsWith(".jpg");

        HttpResponse<byte[]> image = fetch(src);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(new String(image.body(), StandardCharsets.ISO_8859_1)).doesNotContain("<script", "<html");

        String id = picture.get("id").asText();
        for (String other : new String[] {"/media/" + id + "-40.html", "/media/" + id + "-40.gif", "/media/" + id,
                "/media/..%2Fgazette.db", "/media/" + id + "-41.jpg"}) {
            HttpResponse<byte[]> r = fetch(other);
            assertThat(r.statusCode()).as(other).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(other).doesNotStartWith("image/");
        }
    }

    @Test
    void withoutAltTextTheFormComesBackWithTheOtherFieldsKept() throws Exception {
        Browser editor = site.signedIn("ed@example.org");
        HttpResponse<String> r = editor.postFile("/admin/media", text(editor, " ", "Crowds at the bridge", "Jo Snap"),
                "file", "bridge.jpg", TestPictures.jpeg(400, 300));

        assertThat(r.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#alt-error").text()).contains("alt text");
        assertThat(page.select("#media-caption").attr("value")).isEqualTo("Crowds at the bridge");
        assertThat(page.select("#media-credit").attr("value")).isEqualTo("Jo Snap");

        HttpResponse<String> json = editor.postFile("/admin/media", text(editor, "", "", ""), "file", "bridge.jpg",
                TestPictures.jpeg(400, 300), "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(json.body()).at("/errors/alt").asText()).contains("alt text");
    }

    @Test
    void aBombAndAnSvgAreRefusedWithAMessage() throws Exception {
        Browser editor = site.signedIn("ed@example.org");
        HttpResponse<String> bomb = editor.postFile("/admin/media", text(editor, "Bomb", "", ""), "file", "x.png",
                TestPictures.pngBomb(), "Accept", "application/json");
        assertThat(bomb.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(bomb.body()).at("/errors/file").asText()).contains("megapixels");

        HttpResponse<String> svg = editor.postFile("/admin/media", text(editor, "Drawing", "", ""), "file", "x.jpg",
                TestPictures.svg());
        assertThat(svg.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(svg.body()).select("#file-error").text()).contains("SVG");
    }

    @Test
    void aModeratorOrAnotherSiteMayNotUpload() throws Exception {
        Browser moderator = site.signedIn("mo@example.org");
        assertThat(moderator.get("/admin/media").statusCode()).isEqualTo(403);
        String csrf = Browser.fields(moderator.page("/admin"), "form.inline").get("csrf");
        HttpResponse<String> r = moderator.postFile("/admin/media", Map.of("csrf", csrf, "alt", "Nope"), "file",
                "x.jpg", TestPictures.jpeg(300, 200));
        assertThat(r.statusCode()).isEqualTo(403);

        Browser editor = site.signedIn("ed@example.org");
        HttpResponse<String> crossSite = editor.postFile("/admin/media", text(editor, "From elsewhere", "", ""), "file",
                "x.jpg", TestPictures.jpeg(310, 200), "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);

        HttpResponse<String> anonymous = site.anonymous().postFile("/admin/media", Map.of("alt", "Anyone"), "file",
                "x.jpg", TestPictures.jpeg(320, 200));
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(site.gazette().media().newest(0, 100)).extracting(MediaItem::alt)
                .doesNotContain("Nope", "From elsewhere", "Anyone");
    }
}
