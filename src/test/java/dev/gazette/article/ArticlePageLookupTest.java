package dev.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import dev.gazette.web.CachePolicy;
import dev.gazette.web.PageCache;
import dev.gazette.web.SurrogateKeys;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A reply's POST finds its public article without building the article's page (no frame, no template). */
class ArticlePageLookupTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void findsThePublicArticleWithoutBuildingItsPage() {
        try (Database db = TestDatabases.sqlite()) {
            Articles articles = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(), clock,
                    keys -> {});
            Article story = articles.create(draft("Ferry timetable changes", ArticleState.PUBLISHED));
            Article draft = articles.create(draft("Not yet out", ArticleState.DRAFT));
            // No site frame and no templates: building the page would fail, so a found article proves none was built.
            ArticlePage page = new ArticlePage(articles, null, null,
                    new PageCache(Duration.ofSeconds(5), 100, CachePolicy.defaults()));

            assertThat(page.article(story.slug()).id()).isEqualTo(story.id());
            assertThatThrownBy(() -> page.article(draft.slug())).isInstanceOf(NotFoundResponse.class);
            assertThatThrownBy(() -> page.article("no-such-story")).isInstanceOf(NotFoundResponse.class);
            assertThatThrownBy(() -> page.article("../etc")).isInstanceOf(NotFoundResponse.class);
            assertThatThrownBy(() -> page.find(story.slug())).as("the page itself needs the frame")
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void theArticleIsKeptThroughRepliesAndReadAgainAfterItChanges() {
        try (Database db = TestDatabases.sqlite()) {
            PageCache cache = new PageCache(Duration.ofSeconds(5), 100, CachePolicy.defaults());
            Articles articles = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(), clock,
                    keys -> cache.purge(SurrogateKeys.of(keys)));
            Article story = articles.create(draft("Ferry timetable changes", ArticleState.PUBLISHED));
            ArticlePage page = new ArticlePage(articles, null, null, cache);
            assertThat(page.article(story.slug()).id()).isEqualTo(story.id());

            // What a published reply purges: its article's page and the reply lists.
            cache.purge(SurrogateKeys.of(PageKeys.article(story.id()), PageKeys.REPLIES));
            db.writes().useHandle(h -> h.execute("UPDATE article SET title = 'Renamed behind the cache' WHERE id = ?",
                    story.id()));
            assertThat(page.article(story.slug()).title()).as("kept through a reply's purge")
                    .isEqualTo("Ferry timetable changes");

            articles.unpublish(story.id(), story.version());
            assertThatThrownBy(() -> page.article(story.slug())).as("an article change drops it")
                    .isInstanceOf(NotFoundResponse.class);
        }
    }

    private ArticleDraft draft(String title, ArticleState state) {
        return new ArticleDraft(title, "Summary.", "Body of the story.", "Ada Reporter", "Local", List.of(), state,
                Optional.of(clock.instant().minusSeconds(60)), Optional.empty());
    }
}
