package dev.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.account.Role;
import dev.gazette.web.Browser;
import dev.gazette.web.StaffBrowser;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A story's lead picture and pictures in its text, everywhere they belong: page, cards, JSON-LD, feeds, home. */
class ArticlePicturesHttpTest {
    private static final String PASSWORD = "a long password here";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestSite site;
    private static Browser editor;

    @BeforeAll
    static void start() {
        site = TestSite.start(false, g -> g.accounts().add("ed@example.org", "Ed", Role.EDITOR, PASSWORD));
        editor = new Browser(site);
        assertThat(StaffBrowser.submitSignIn(editor, "ed@example.org", PASSWORD).statusCode()).isEqualTo(303);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static Map<String, String> story(String title, String leadImage, String body) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("csrf", Browser.fields(editor.page("/admin/articles/new"), "form.article-editor").get("csrf"));
        f.put("title", title);
        f.put("summary", "Summary of " + title);
        f.put("body", body);
        f.put("author", "Ed");
        f.put("section", "World");
        f.put("tags", "");
        f.put("state", "draft");
        f.put("leadImage", leadImage);
        f.put("action", "publish");
        return f;
    }

    private static MediaItem upload(byte[] file, String alt, String caption, String credit) {
        return site.gazette().media().add(file, new MediaText(alt, caption, credit)).item();
    }

    @Test
    void theLeadPictureShowsWithCaptionAndCreditAndInCardsJsonLdFeedsAndHome() throws Exception {
        MediaItem lead = upload(TestPictures.jpeg(2400, 1600), "Lock gates closing at high tide",
                "The new gates shut for the first time.", "Ana Lens / Meridian Press");
        MediaItem inText = upload(TestPictures.png(800, 600, true), "A chart of water levels", "", "");
        HttpResponse<String> saved = editor.post("/admin/articles/new", story("Tide gates close", lead.id(),
                "Before the chart.\n\n" + inText.markdown() + "\n\nAfter the chart."));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        HttpResponse<String> page = site.get("/articles/tide-gates-close");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).startsWith("public");
        Document doc = Jsoup.parse(page.body(), site.url("/"));
        Element img = doc.selectFirst("figure.lead-image img");
        assertThat(img.attr("src")).isEqualTo(lead.path(960));
        assertThat(img.attr("srcset")).isEqualTo(lead.path(480) + " 480w, " + lead.path(960) + " 960w, "
                + lead.path(1600) + " 1600w");
        assertThat(img.attr("sizes")).isNotEmpty();
        assertThat(img.attr("width")).isEqualTo("960");
        assertThat(img.attr("height")).isEqualTo("640");
        assertThat(img.attr("alt")).isEqualTo("Lock gates closing at high tide");
        assertThat(img.hasAttr("loading")).as("above the fold").isFalse();
        assertThat(doc.select("figure.lead-image figcaption").text())
                .isEqualTo("The new gates shut for the first time. Photo: Ana Lens / Meridian Press");

        Element body = doc.selectFirst(".body img");
        assertThat(body.attr("src")).isEqualTo(inText.path(800));
        assertThat(body.attr("loading")).isEqualTo("lazy");
        assertThat(body.attr("width")).isEqualTo("800");
        assertThat(body.attr("height")).isEqualTo("600");
        assertThat(body.attr("srcset").replaceAll("\\s*,\\s*", ", ")).isEqualTo(inText.path(480) + " 480w, " + inText.path(800) + " 800w");

        String largest = site.url(lead.path(1600));
        assertThat(doc.select("meta[property=og:image]").attr("content")).isEqualTo(largest);
        assertThat(doc.select("meta[property=og:image:width]").attr("content")).isEqualTo("1600");
        assertThat(doc.select("meta[property=og:image:alt]").attr("content")).isEqualTo(lead.alt());
        assertThat(doc.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(doc.select("meta[name=twitter:image]").attr("content")).isEqualTo(largest);
        JsonNode ld = JSON.readTree(doc.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.at("/image/0/url").asText()).isEqualTo(largest);
        assertThat(ld.at("/image/0/creditText").asText()).isEqualTo("Ana Lens / Meridian Press");

        Document rss = Jsoup.parse(site.get("/feed.xml").body(), "", org.jsoup.parser.Parser.xmlParser());
        Element enclosure = rss.selectFirst("item enclosure");
        assertThat(enclosure.attr("url")).isEqualTo(largest);
        assertThat(enclosure.attr("type")).isEqualTo("image/jpeg");
        assertThat(Long.parseLong(enclosure.attr("length"))).isPositive();
        assertThat(site.get("/atom.xml").body()).contains("rel=\"enclosure\"").contains(largest);

        Document home = Jsoup.parse(site.get("/").body());
        Element homeImg = home.selectFirst("li.story figure.lead-image img");
        assertThat(homeImg.attr("srcset")).contains(lead.path(480) + " 480w");
        assertThat(homeImg.attr("alt")).isEqualTo(lead.alt());
        assertThat(home.select("li.story figure.lead-image figcaption").text()).isEqualTo("Photo: Ana Lens / Meridian Press");
    }

    @Test
    void aCreditTypedWithItsOwnLabelIsLabelledOnceOnThePageAndBareInJsonLd() throws Exception {
        MediaItem lead = upload(TestPictures.jpeg(1200, 800), "A ferry leaving the harbour", "",
                "Photo credit: Bo Harbour / Quay Pictures");
        assertThat(editor.post("/admin/articles/new", story("Ferry leaves", lead.id(), "It left.")).statusCode())
                .isEqualTo(303);

        Document doc = Jsoup.parse(site.get("/articles/ferry-leaves").body());
        assertThat(doc.select("figure.lead-image figcaption").text()).isEqualTo("Photo: Bo Harbour / Quay Pictures");
        JsonNode ld = JSON.readTree(doc.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.at("/image/0/creditText").asText()).isEqualTo("Bo Harbour / Quay Pictures");
        assertThat(site.gazette().media().item(lead.id()).orElseThrow().credit())
                .as("what the editor typed is kept as typed").isEqualTo("Photo credit: Bo Harbour / Quay Pictures");
    }

    @Test
    void aStoryWithoutPictureHasNoImageMetadataAndAnUnknownLeadIsRefusedWithTheFormKept() {
        HttpResponse<String> refused = editor.post("/admin/articles/new", story("Quiet day", "0123456789abcdef0123456789abcdef",
                "Nothing happened."));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document form = Jsoup.parse(refused.body());
        assertThat(form.select("#leadImage-error").text()).contains("not in the library");
        assertThat(form.select("#title").attr("value")).isEqualTo("Quiet day");

        assertThat(editor.post("/admin/articles/new", story("Quiet day", "", "Nothing happened.")).statusCode())
                .isEqualTo(303);
        Document doc = Jsoup.parse(site.get("/articles/quiet-day").body());
        assertThat(doc.select("figure.lead-image, meta[property=og:image], meta[name=twitter:card]")).isEmpty();
    }
}
