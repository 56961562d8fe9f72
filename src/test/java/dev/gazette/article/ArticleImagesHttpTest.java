package dev.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pictures in a story: what the sanitizer keeps is exactly what the page's Content-Security-Policy lets load. */
class ArticleImagesHttpTest {
    private static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(false, g -> g.articles().create(new ArticleDraft("Flood photos", "Pictures from the agency.",
                "![relative](//photos.agency.example/flood-1.jpg)\n\n"
                        + "![secure](https://photos.agency.example/flood-2.jpg)\n\n"
                        + "![plain](http://photos.agency.example/flood-3.jpg)\n\n"
                        + "![local](/static/flood-4.png)\n\n"
                        + "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"inline\">\n\n"
                        + "<img src=\"/\\evil.example/x.png\" alt=\"backslash\">\n\n"
                        + "The river rose two metres overnight.",
                "Mara Quill", "World", List.of(), ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(60)),
                Optional.empty())));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void everyPictureTheArticleKeepsIsOneItsPolicyLetsLoad() {
        HttpResponse<String> r = site.get("/articles/flood-photos");
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> imgSrc = imgSrc(r);
        Document page = Jsoup.parse(r.body(), site.url("/articles/flood-photos"));
        List<String> sources = page.select(".body img[src]").stream().map(e -> e.attr("src")).toList();

        assertThat(sources).containsExactly("https://photos.agency.example/flood-1.jpg",
                "https://photos.agency.example/flood-2.jpg", "/static/flood-4.png");
        assertThat(sources).allSatisfy(src -> assertThat(allowed(src, imgSrc)).as(src + " under img-src " + imgSrc).isTrue());
        assertThat(page.select(".body").text()).contains("The river rose two metres overnight.");
        for (Element img : page.select(".body img:not([src])")) {
            assertThat(img.attr("alt")).isIn("plain", "inline", "backslash");
        }
    }

    @Test
    void pagesWithoutArticleBodiesStillLoadPicturesFromThisSiteOnly() {
        assertThat(imgSrc(site.get("/"))).doesNotContain("https:");
        assertThat(imgSrc(site.get("/privacy"))).doesNotContain("https:");
    }

    @Test
    void thePrivacyPageSaysStoriesMayShowPicturesFromOtherSites() {
        String text = Jsoup.parse(site.get("/privacy").body()).text();
        assertThat(text).doesNotContain("loads nothing from other sites").contains("pictures");
    }

    @Test
    void theEditorIsToldWhichPictureIsLeftOut() {
        assertThat(site.gazette().articles().bodyProblems("![p](http://photos.agency.example/x.jpg) ![q](https://ok.example/y.jpg)"))
                .singleElement().asString().contains("http://photos.agency.example/x.jpg").contains("https://");
    }

    private static List<String> imgSrc(HttpResponse<String> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        return Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith("img-src "))
                .findFirst().map(d -> List.of(d.substring("img-src ".length()).split("\\s+"))).orElseThrow();
    }

    /** Whether a picture address, as the page has it, loads under these img-src sources (the page is http here). */
    private static boolean allowed(String src, List<String> imgSrc) {
        if (src.startsWith("/") && !src.startsWith("//")) return imgSrc.contains("'self'");
        if (src.startsWith("data:")) return imgSrc.contains("data:");
        return src.startsWith("https://") && imgSrc.contains("https:");
    }
}
