package dev.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.app.ImportCommand;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.ops.OpsSettings;
import dev.gazette.syndication.AttachmentFiles;
import dev.gazette.syndication.FeedFetcher;
import dev.gazette.syndication.FetchSettings;
import dev.gazette.syndication.SiteExport;
import dev.gazette.syndication.WordPressImport;
import dev.gazette.web.TestSite;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The WXR export carries a story's pictures as WordPress attachments, and another Gazette takes them back. */
class PicturesExportTest {
    private static final String WP = "http://wordpress.org/export/1.2/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";

    @TempDir
    Path dir;

    /** What must come back: each picture's words and size, the story it leads, and the stories showing it. */
    record Described(String alt, String caption, String credit, int width, int height) {
        static Described of(MediaItem m) {
            return new Described(m.alt(), m.caption(), m.credit(), m.width(), m.height());
        }
    }

    /** A source site with a story led by one picture and showing another in its text, and a picture no story uses. */
    private static Article story(TestSite site, MediaItem lead, MediaItem inText) {
        String body = "The tide came in.\n\n" + inText.markdown() + "\n\nAn agency's picture: ![A map](https://agency.example/map.png)";
        return site.gazette().articles().create(new ArticleDraft("Barrier closes for the first time", "It held.", body,
                "Rita Vale", "Local", List.of("weather"), ArticleState.PUBLISHED,
                Optional.of(Instant.parse("2026-03-01T08:00:00Z")), Optional.empty(), Optional.of(lead.id())));
    }

    private Path export(TestSite source) throws Exception {
        Path wxr = dir.resolve("site.xml");
        try (OutputStream out = Files.newOutputStream(wxr)) {
            new SiteExport(source.gazette().articles(), source.gazette().comments(), source.gazette().media())
                    .wxr(out, "Source", source.url(""));
        }
        return wxr;
    }

    @Test
    void roundTripThroughTheFirstSitesAddresses() throws Exception {
        try (TestSite source = TestSite.on(null, Files.createDirectories(dir.resolve("source")), OpsSettings.defaults())) {
            MediaLibrary media = source.gazette().media();
            MediaItem barrier = media.add(TestPictures.photoWithLocation(1600, 1000, 1),
                    new MediaText("The barrier's gates closing", "Gates shut at 6.12 am.", "Ana Ruiz / Harbour Photo")).item();
            MediaItem crowd = media.add(TestPictures.jpeg(800, 600),
                    new MediaText("People watching from the pier", "", "Staff")).item();
            media.add(TestPictures.png(300, 200, false), new MediaText("Never used", "", ""));
            Article story = story(source, barrier, crowd);
            Path wxr = export(source);

            checkShape(wxr, source, story, barrier, crowd);

            FetchSettings local = new FetchSettings(Set.of("127.0.0.1"), Duration.ofSeconds(5), Duration.ofSeconds(10));
            try (TestSite target = TestSite.start(false, g -> {})) {
                WordPressImport.Report report = new WordPressImport(target.gazette().articles(),
                        target.gazette().comments(), ImportCommand.pictures(target.gazette().media()),
                        AttachmentFiles.web(new FeedFetcher(local))).importFile(wxr, (c, s) -> {});
                assertThat(report.skipped()).isEmpty();
                assertThat(report.pictures()).isEqualTo(2);
                checkImported(target, barrier, crowd);
            }
        }
    }

    @Test
    void roundTripThroughTheMediaFolder() throws Exception {
        Path wxr;
        MediaItem barrier;
        MediaItem crowd;
        try (TestSite source = TestSite.on(null, Files.createDirectories(dir.resolve("source")), OpsSettings.defaults())) {
            MediaLibrary media = source.gazette().media();
            barrier = media.add(TestPictures.jpeg(1400, 900),
                    new MediaText("Gates closing", "At dawn.", "Ana Ruiz")).item();
            crowd = media.add(TestPictures.png(640, 480, false), new MediaText("The pier", "Hundreds came.", "")).item();
            story(source, barrier, crowd);
            wxr = export(source);
        }
        // The first site is gone: its addresses answer nothing, its media folder is all there is.
        try (TestSite target = TestSite.start(false, g -> {})) {
            WordPressImport.Report report = new WordPressImport(target.gazette().articles(), target.gazette().comments(),
                    ImportCommand.pictures(target.gazette().media()), AttachmentFiles.folder(dir.resolve("source/media")))
                    .importFile(wxr, (c, s) -> {});
            assertThat(report.skipped()).isEmpty();
            assertThat(report.pictures()).isEqualTo(2);
            checkImported(target, barrier, crowd);
        }
    }

    private static void checkImported(TestSite target, MediaItem lead, MediaItem inText) {
        MediaLibrary media = target.gazette().media();
        List<MediaItem> all = media.newest(0, 10);
        assertThat(all).hasSize(2);
        assertThat(all.stream().map(Described::of)).containsExactlyInAnyOrder(Described.of(lead), Described.of(inText));
        MediaItem newLead = all.stream().filter(m -> m.alt().equals(lead.alt())).findFirst().orElseThrow();
        MediaItem newInText = all.stream().filter(m -> m.alt().equals(inText.alt())).findFirst().orElseThrow();
        assertThat(newLead.widths()).isEqualTo(lead.widths());

        Article story = target.gazette().articles().published("barrier-closes-for-the-first-time").orElseThrow();
        assertThat(story.leadImage()).contains(newLead.id());
        assertThat(story.bodyMarkdown()).contains(newInText.path(newInText.middle()))
                .doesNotContain(inText.id())
                .contains("https://agency.example/map.png");
        String page = target.get("/articles/barrier-closes-for-the-first-time").body();
        assertThat(page).contains(newLead.path(newLead.middle()), "Ana Ruiz", newInText.path(newInText.middle()));
    }

    /** The elements and links WordPress's own export writes for a post and its attachments (export.php, 6.x). */
    private static void checkShape(Path wxr, TestSite source, Article story, MediaItem lead, MediaItem inText)
            throws Exception {
        String text = Files.readString(wxr);
        assertThat(text).doesNotContain("@");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(wxr.toFile());
        Element channel = (Element) doc.getDocumentElement().getElementsByTagName("channel").item(0);
        assertThat(wp(channel, "wxr_version")).isEqualTo("1.2");
        assertThat(wp(channel, "base_site_url")).isEqualTo(source.url(""));

        Map<String, Element> attachments = new HashMap<>();
        Element post = null;
        List<String> postIds = new ArrayList<>();
        NodeList items = channel.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            postIds.add(wp(item, "post_id"));
            if (wp(item, "post_type").equals("attachment")) attachments.put(wp(item, "attachment_url"), item);
            if (wp(item, "post_name").equals(story.slug())) post = item;
        }
        assertThat(postIds).doesNotHaveDuplicates();
        assertThat(post).isNotNull();
        assertThat(attachments).as("only the pictures a story uses")
                .containsOnlyKeys(source.url(lead.path(lead.widest())), source.url(inText.path(inText.widest())));

        Element leadItem = attachments.get(source.url(lead.path(lead.widest())));
        for (Element a : attachments.values()) {
            assertThat(wp(a, "status")).isEqualTo("inherit");
            assertThat(wp(a, "post_parent")).isEqualTo(wp(post, "post_id"));
            assertThat(a.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
            assertThat(a.getElementsByTagNameNS(WP, "post_date_gmt").getLength()).isEqualTo(1);
        }
        assertThat(meta(leadItem, "_wp_attachment_image_alt")).isEqualTo(lead.alt());
        assertThat(meta(leadItem, "_gazette_credit")).isEqualTo(lead.credit());
        assertThat(leadItem.getElementsByTagNameNS(EXCERPT, "encoded").item(0).getTextContent()).isEqualTo(lead.caption());
        assertThat(leadItem.getElementsByTagNameNS(CONTENT, "encoded").item(0).getTextContent()).isEqualTo(lead.credit());
        assertThat(meta(post, "_thumbnail_id")).isEqualTo(wp(leadItem, "post_id"));
        assertThat(post.getElementsByTagNameNS(CONTENT, "encoded").item(0).getTextContent())
                .contains("](" + source.url(inText.path(inText.middle())))
                .doesNotContain("](/media/");
        // The served bytes are what the attachment's address gives: the widest variant.
        assertThat(source.get(lead.path(lead.widest())).statusCode()).isEqualTo(200);
    }

    private static String wp(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WP.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no wp:" + name + " in " + parent.getLocalName());
    }

    private static String meta(Element item, String key) {
        NodeList metas = item.getElementsByTagNameNS(WP, "postmeta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element m = (Element) metas.item(i);
            if (wp(m, "meta_key").equals(key)) return wp(m, "meta_value");
        }
        throw new AssertionError("no postmeta " + key);
    }
}
