package dev.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gazette.app.ImportCommand;
import dev.gazette.article.Article;
import dev.gazette.syndication.AttachmentFiles;
import dev.gazette.syndication.FeedFetcher;
import dev.gazette.syndication.FetchSettings;
import dev.gazette.syndication.WordPressImport;
import dev.gazette.web.TestSite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WordPress site's pictures brought over: attachments, featured images and pictures in posts' HTML. */
class WordPressPicturesTest {
    @TempDir
    Path dir;

    /** A small export of the author's own: two attachments (one with its file missing) and a post using the first. */
    private static String export(String base) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Old Harbour News</title>
                <item>
                  <title>Ferries back</title>
                  <dc:creator>Rita Vale</dc:creator>
                  <content:encoded><![CDATA[<p>The ferries run again.</p>
                <p><img class="size-medium" src="BASE/wp-content/uploads/2024/05/quay-300x200.jpg" alt="The quay" width="300" height="200" srcset="BASE/wp-content/uploads/2024/05/quay-300x200.jpg 300w, BASE/wp-content/uploads/2024/05/quay.jpg 1200w" sizes="(max-width: 300px) 100vw, 300px"></p>
                <p><img src="BASE/wp-content/uploads/2024/05/gone.jpg" alt="Gone"></p>]]></content:encoded>
                  <excerpt:encoded><![CDATA[Back on time.]]></excerpt:encoded>
                  <wp:post_id>5</wp:post_id>
                  <wp:post_date_gmt>2024-05-02 08:00:00</wp:post_date_gmt>
                  <wp:post_name>ferries-back</wp:post_name>
                  <wp:status>publish</wp:status>
                  <wp:post_type>post</wp:post_type>
                  <category domain="category" nicename="local"><![CDATA[Local]]></category>
                  <wp:postmeta><wp:meta_key>_edit_last</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta>
                  <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>12</wp:meta_value></wp:postmeta>
                </item>
                <item>
                  <title>quay</title>
                  <excerpt:encoded><![CDATA[The quay at first light.]]></excerpt:encoded>
                  <wp:post_id>12</wp:post_id>
                  <wp:post_type>attachment</wp:post_type>
                  <wp:attachment_url>BASE/wp-content/uploads/2024/05/quay.jpg</wp:attachment_url>
                  <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Boats along the quay</wp:meta_value></wp:postmeta>
                </item>
                <item>
                  <title>gone</title>
                  <wp:post_id>13</wp:post_id>
                  <wp:post_type>attachment</wp:post_type>
                  <wp:attachment_url>BASE/wp-content/uploads/2024/05/../../../../outside.jpg</wp:attachment_url>
                </item>
                </channel></rss>
                """.replace("BASE", base);
    }

    @Test
    void fromTheUploadsFolderAttachmentsBecomePicturesWithoutTheirLocation() throws IOException {
        Path uploads = Files.createDirectories(dir.resolve("uploads/2024/05"));
        Files.write(uploads.resolve("quay.jpg"), TestPictures.photoWithLocation(1200, 800, 1));
        Files.write(dir.resolve("outside.jpg"), TestPictures.jpeg(400, 300)); // beside the folder, never read
        Path wxr = Files.writeString(dir.resolve("export.xml"), export("https://old.example.org"));
        try (TestSite site = TestSite.start(false, g -> {})) {
            MediaLibrary media = site.gazette().media();
            WordPressImport importer = new WordPressImport(site.gazette().articles(), site.gazette().comments(),
                    ImportCommand.pictures(media), AttachmentFiles.folder(dir.resolve("uploads")));
            WordPressImport.Report report = importer.importFile(wxr, (c, s) -> {});

            assertThat(report.posts()).isEqualTo(1);
            assertThat(report.pictures()).isEqualTo(1);
            assertThat(report.skipped()).anySatisfy(s -> assertThat(s).contains("outside.jpg").contains("no file"));
            MediaItem quay = media.newest(0, 10).get(0);
            assertThat(media.newest(0, 10)).hasSize(1);
            assertThat(quay.alt()).isEqualTo("Boats along the quay");
            assertThat(quay.caption()).isEqualTo("The quay at first light.");
            for (int w : quay.widths()) {
                String served = new String(media.file(quay.id() + "-" + w + ".jpg").orElseThrow(),
                        StandardCharsets.ISO_8859_1);
                assertThat(served).doesNotContain("Exif", "51.5074N", TestPictures.XMP_MARK);
            }

            Article post = site.gazette().articles().published("ferries-back").orElseThrow();
            assertThat(post.leadImage()).contains(quay.id());
            assertThat(post.bodyHtml()).contains("src=\"" + quay.path(quay.middle()) + "\"")
                    .doesNotContain("quay-300x200.jpg", "300w")
                    .contains("https://old.example.org/wp-content/uploads/2024/05/gone.jpg");
            String page = site.get("/articles/ferries-back").body();
            assertThat(page).contains("The quay at first light.").contains(quay.path(quay.middle()));

            WordPressImport.Report again = importer.importFile(wxr, (c, s) -> {});
            assertThat(again.posts()).isZero();
            assertThat(media.newest(0, 10)).hasSize(1);
        }
    }

    @Test
    void fromTheirAddressesOnlyThroughTheGuardedFetcher() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        byte[] photo = TestPictures.photoWithLocation(900, 600, 1);
        HttpServer old = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        old.createContext("/", exchange -> {
            asked.incrementAndGet();
            if (exchange.getRequestURI().getPath().equals("/wp-content/uploads/2024/05/quay.jpg")) {
                exchange.sendResponseHeaders(200, photo.length);
                exchange.getResponseBody().write(photo);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        old.start();
        try (TestSite site = TestSite.start(false, g -> {})) {
            Path wxr = Files.writeString(dir.resolve("export.xml"),
                    export("http://127.0.0.1:" + old.getAddress().getPort()));
            MediaLibrary media = site.gazette().media();

            WordPressImport.Report refused = new WordPressImport(site.gazette().articles(), site.gazette().comments(),
                    ImportCommand.pictures(media), AttachmentFiles.web(new FeedFetcher(FetchSettings.defaults())))
                    .importFile(wxr, (c, s) -> {});
            assertThat(asked.get()).as("a private address is never connected to").isZero();
            assertThat(refused.pictures()).isZero();
            assertThat(refused.skipped()).anySatisfy(s -> assertThat(s).contains("quay.jpg").contains("private"));
            assertThat(site.gazette().articles().published("ferries-back").orElseThrow().leadImage()).isEmpty();
            site.gazette().articles().delete(site.gazette().articles().published("ferries-back").orElseThrow().id());

            FetchSettings allowed = new FetchSettings(Set.of("127.0.0.1"), Duration.ofSeconds(5), Duration.ofSeconds(10));
            WordPressImport.Report report = new WordPressImport(site.gazette().articles(), site.gazette().comments(),
                    ImportCommand.pictures(media), AttachmentFiles.web(new FeedFetcher(allowed)))
                    .importFile(wxr, (c, s) -> {});
            assertThat(report.pictures()).isEqualTo(1);
            MediaItem quay = media.newest(0, 10).get(0);
            assertThat(site.gazette().articles().published("ferries-back").orElseThrow().leadImage()).contains(quay.id());
        } finally {
            old.stop(0);
        }
    }
}
