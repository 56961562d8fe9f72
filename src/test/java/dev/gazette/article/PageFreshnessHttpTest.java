package dev.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.web.TestSite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageFreshnessHttpTest {

    @Test
    void aNewArticleShowsAtOnceDespiteTheCacheOfRenderedPages() {
        try (TestSite site = TestSite.start(false, g -> {})) {
            assertThat(site.get("/").body()).doesNotContain("Late breaking story");
            assertThat(site.get("/feed.xml").body()).doesNotContain("Late breaking story");

            site.gazette().articles().create(new ArticleDraft("Late breaking story", "", "Text.", "A. Writer", "World",
                    List.of(), ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(1)), Optional.empty()));

            assertThat(site.get("/").body()).contains("Late breaking story");
            assertThat(site.get("/feed.xml").body()).contains("Late breaking story");
            assertThat(site.get("/articles/late-breaking-story").statusCode()).isEqualTo(200);
        }
    }
}
