package dev.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SampleArticlesTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void parsesHeaderSourceAndBody() {
        ArticleDraft draft = SampleArticles.parse("""
                title: A title
                summary: A summary.
                author: Pat Example
                section: World
                tags: Climate, Energy
                hours-ago: 5
                source-headline: Original
                source-outlet: The Outlet
                source-agency: The Agency
                source-url: https://outlet.example/a
                ---
                Body **text**.
                """, NOW);
        assertThat(draft.title()).isEqualTo("A title");
        assertThat(draft.tags()).containsExactly("Climate", " Energy");
        assertThat(draft.publishAt()).contains(NOW.minus(Duration.ofHours(5)));
        assertThat(draft.source()).hasValueSatisfying(s -> assertThat(s.line())
                .isEqualTo("Source: Original – The Outlet – The Agency"));
        assertThat(draft.bodyMarkdown()).isEqualTo("Body **text**.\n");
    }

    @Test
    void refusesAFileWithoutHeader() {
        assertThatThrownBy(() -> SampleArticles.parse("just text", NOW)).hasMessageContaining("---");
    }

    @Test
    void addsTheShippedSamplesOnceAndOnlyToAnEmptySite() {
        try (Database db = TestDatabases.sqlite()) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            Articles articles = new Articles(new ArticleStore(db), ArticleSearch.of(db),
                    new MarkdownRenderer(), clock, keys -> {});
            SampleArticles samples = new SampleArticles(articles, clock);

            int added = samples.addIfEmpty();
            assertThat(added).isBetween(8, 12);
            assertThat(articles.latest(1, 50).total()).isEqualTo(added);
            assertThat(articles.latest(1, 50).items()).anySatisfy(a -> assertThat(a.source()).isPresent());
            assertThat(articles.sections()).extracting(Section::name).contains("World", "Politics", "Technology");

            assertThat(samples.addIfEmpty()).isZero();
            assertThat(articles.latest(1, 50).total()).isEqualTo(added);
        }
    }
}
