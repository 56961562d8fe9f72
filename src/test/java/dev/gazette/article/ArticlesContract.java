package dev.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of the article store and search, run once per database dialect. */
abstract class ArticlesContract {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private Database db;
    Articles articles;
    final List<Set<String>> purged = new ArrayList<>();

    abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        articles = new Articles(new ArticleStore(db), ArticleSearch.of(db),
                new MarkdownRenderer(), Clock.fixed(NOW, ZoneOffset.UTC), purged::add);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static ArticleDraft draft(String title, ArticleState state, Duration ago, String... tags) {
        return new ArticleDraft(title, "Summary of " + title, "Body about **" + title + "**.", "Ada Reporter",
                "World", List.of(tags), state, Optional.of(NOW.minus(ago)), Optional.empty());
    }

    @Test
    void storesAndReadsBackEveryField() {
        Source source = new Source("Original headline", "Harbour Times", "Meridian Press", Optional.of("https://x.example/a"));
        Article created = articles.create(new ArticleDraft("Floods close the river road", "A short summary.",
                "First paragraph with *emphasis*.", "Jo Writer", "World", List.of("Climate", "Transport"),
                ArticleState.PUBLISHED, Optional.of(NOW.minusSeconds(60)), Optional.of(source)));

        Article read = articles.published("floods-close-the-river-road").orElseThrow();

        assertThat(read.id()).isEqualTo(created.id());
        assertThat(read.title()).isEqualTo("Floods close the river road");
        assertThat(read.bodyHtml()).contains("<em>emphasis</em>");
        assertThat(read.section()).isEqualTo(new Section("world", "World"));
        assertThat(read.tags()).containsExactly(new Tag("climate", "Climate"), new Tag("transport", "Transport"));
        assertThat(read.source()).contains(source);
        assertThat(read.publishedAt()).contains(NOW.minusSeconds(60));
    }

    @Test
    void slugsStayUniqueForRepeatedTitles() {
        Article first = articles.create(draft("Same title", ArticleState.PUBLISHED, Duration.ofHours(2)));
        Article second = articles.create(draft("Same title", ArticleState.PUBLISHED, Duration.ofHours(1)));
        assertThat(first.slug()).isEqualTo("same-title");
        assertThat(second.slug()).isEqualTo("same-title-2");
    }

    @Test
    void draftsAndFutureScheduledArticlesStayHidden() {
        articles.create(draft("A draft", ArticleState.DRAFT, Duration.ZERO));
        articles.create(draft("Scheduled later", ArticleState.SCHEDULED, Duration.ofHours(-3)));
        articles.create(draft("Scheduled earlier", ArticleState.SCHEDULED, Duration.ofHours(3)));
        articles.create(draft("Published", ArticleState.PUBLISHED, Duration.ofHours(1)));

        assertThat(articles.latest(1, 10).items()).extracting(Article::title)
                .containsExactly("Published", "Scheduled earlier");
        assertThat(articles.published("a-draft")).isEmpty();
        assertThat(articles.published("scheduled-later")).isEmpty();
        assertThat(articles.latest(1, 10).total()).isEqualTo(2);
    }

    @Test
    void paginatesNewestFirst() {
        for (int i = 1; i <= 25; i++) {
            articles.create(draft("Story " + i, ArticleState.PUBLISHED, Duration.ofHours(100 - i)));
        }
        Paged<Article> second = articles.latest(2, 10);
        assertThat(second.total()).isEqualTo(25);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.items()).extracting(Article::title).startsWith("Story 15").endsWith("Story 6");
        assertThat(articles.latest(3, 10).items()).hasSize(5);
    }

    @Test
    void findsNeighboursInPublicationOrder() {
        Article old = articles.create(draft("Old", ArticleState.PUBLISHED, Duration.ofHours(3)));
        Article middle = articles.create(draft("Middle", ArticleState.PUBLISHED, Duration.ofHours(2)));
        Article recent = articles.create(draft("Recent", ArticleState.PUBLISHED, Duration.ofHours(1)));
        articles.create(draft("Hidden draft", ArticleState.DRAFT, Duration.ofMinutes(90)));

        assertThat(articles.older(middle)).map(Article::id).contains(old.id());
        assertThat(articles.newer(middle)).map(Article::id).contains(recent.id());
        assertThat(articles.older(old)).isEmpty();
        assertThat(articles.newer(recent)).isEmpty();
    }

    @Test
    void aWritePurgesTheArticleItsListsAndTheNeighboursThatNowLinkToIt() {
        Article old = articles.create(draft("Old", ArticleState.PUBLISHED, Duration.ofHours(3), "Rivers"));
        Article recent = articles.create(draft("Recent", ArticleState.PUBLISHED, Duration.ofHours(1)));
        purged.clear();

        // Published between the two: both now link to it, and neither page names it yet.
        Article middle = articles.create(draft("Middle", ArticleState.PUBLISHED, Duration.ofHours(2), "Floods"));
        assertThat(purged).hasSize(1);
        assertThat(purged.get(0)).contains("article-" + middle.id(), "article-" + old.id(), "article-" + recent.id(),
                "home", "section-world", "tag-floods", "feeds", "sitemap").doesNotContain("site");

        // An edit that moves it to another section and tag: the lists it leaves and the ones it joins; the
        // navigation by section changes, so every page does.
        purged.clear();
        articles.update(middle.id(), middle.version(), middle.slug(), new ArticleDraft("Middle", "S", "B",
                "Ada Reporter", "Science", List.of("Rivers"), ArticleState.PUBLISHED, middle.publishedAt(),
                Optional.empty()));
        assertThat(purged.get(0)).contains("article-" + middle.id(), "section-world", "section-science",
                "tag-floods", "tag-rivers", "site");

        purged.clear();
        articles.delete(middle.id());
        assertThat(purged.get(0)).contains("article-" + middle.id(), "section-science", "tag-rivers", "home");
    }

    @Test
    void listsByTagAndSection() {
        articles.create(draft("Rail strike", ArticleState.PUBLISHED, Duration.ofHours(2), "Transport"));
        articles.create(draft("Bus fares", ArticleState.PUBLISHED, Duration.ofHours(1), "Transport", "Prices"));
        articles.create(draft("Untagged", ArticleState.PUBLISHED, Duration.ofHours(1)));

        Tag transport = articles.tag("transport").orElseThrow();
        assertThat(articles.tagged(transport, 1, 10).items()).extracting(Article::title)
                .containsExactly("Bus fares", "Rail strike");
        assertThat(articles.section("world")).isPresent();
        assertThat(articles.inSection(articles.section("world").orElseThrow(), 1, 10).total()).isEqualTo(3);
        assertThat(articles.tag("nothing-here")).isEmpty();
    }

    @Test
    void searchesTitlesAndBodiesOfPublicArticlesOnly() {
        articles.create(new ArticleDraft("Harbour bridge reopens", "", "Engineers finished the repairs to the harbour crossing.",
                "A", "World", List.of(), ArticleState.PUBLISHED, Optional.of(NOW.minusSeconds(5)), Optional.empty()));
        articles.create(new ArticleDraft("Budget vote delayed", "", "The council postponed the vote on repairs.",
                "A", "Politics", List.of(), ArticleState.PUBLISHED, Optional.of(NOW.minusSeconds(4)), Optional.empty()));
        articles.create(new ArticleDraft("Secret bridge plans", "", "A draft about the bridge.",
                "A", "World", List.of(), ArticleState.DRAFT, Optional.empty(), Optional.empty()));

        assertThat(articles.search(SearchQuery.parse("bridge"), 1, 10).items()).extracting(Article::title)
                .containsExactly("Harbour bridge reopens");
        assertThat(articles.search(SearchQuery.parse("repairs"), 1, 10).total()).isEqualTo(2);
        assertThat(articles.search(SearchQuery.parse("harbour repairs"), 1, 10).items()).extracting(Article::title)
                .containsExactly("Harbour bridge reopens");
        assertThat(articles.search(SearchQuery.parse("zebra"), 1, 10).items()).isEmpty();
    }

    @Test
    void searchTreatsOperatorsAndQuotesAsPlainWords() {
        articles.create(draft("Council meets", ArticleState.PUBLISHED, Duration.ofHours(1)));
        for (String hostile : List.of("\"", "council\" OR \"x", "NEAR(council", "*", "council AND NOT", "'; DROP TABLE article; --",
                "^council", "title:council", "!!!", "c".repeat(10_000))) {
            assertThat(articles.search(SearchQuery.parse(hostile), 1, 10).items()).as(hostile).isNotNull();
        }
        assertThat(articles.search(SearchQuery.parse("council\" OR \"x"), 1, 10).items()).isEmpty();
        assertThat(articles.latest(1, 10).total()).isEqualTo(1);
    }

    @Test
    void updatesWhenTheVersionMatchesReplacingTagsAndBumpingTheVersion() {
        Article a = articles.create(draft("First title", ArticleState.DRAFT, Duration.ZERO, "Old", "Kept"));

        SaveResult result = articles.update(a.id(), a.version(), "new-address", new ArticleDraft("Second title", "S",
                "Now *edited*.", "Bo", "Politics", List.of("Kept", "New"), ArticleState.PUBLISHED,
                Optional.of(NOW.minusSeconds(30)), Optional.empty()));

        assertThat(result).isInstanceOf(SaveResult.Stored.class);
        Article read = articles.find(a.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(a.version() + 1);
        assertThat(read.slug()).isEqualTo("new-address");
        assertThat(read.title()).isEqualTo("Second title");
        assertThat(read.bodyHtml()).contains("<em>edited</em>");
        assertThat(read.section()).isEqualTo(new Section("politics", "Politics"));
        assertThat(read.tags()).extracting(Tag::slug).containsExactlyInAnyOrder("kept", "new");
        assertThat(read.createdAt()).isEqualTo(a.createdAt());
        assertThat(articles.published("new-address")).isPresent();
    }

    @Test
    void refusesAStaleVersionAndKeepsTheOtherSave() {
        Article a = articles.create(draft("Shared story", ArticleState.DRAFT, Duration.ZERO));
        ArticleDraft theirs = new ArticleDraft("Their title", "", "Theirs.", "A", "World", List.of(),
                ArticleState.DRAFT, Optional.empty(), Optional.empty());
        ArticleDraft mine = new ArticleDraft("My title", "", "Mine.", "B", "World", List.of(),
                ArticleState.DRAFT, Optional.empty(), Optional.empty());
        assertThat(articles.update(a.id(), a.version(), a.slug(), theirs)).isInstanceOf(SaveResult.Stored.class);

        SaveResult late = articles.update(a.id(), a.version(), a.slug(), mine);

        assertThat(late).isInstanceOf(SaveResult.Stale.class);
        assertThat(((SaveResult.Stale) late).current().title()).isEqualTo("Their title");
        assertThat(articles.find(a.id()).orElseThrow().bodyMarkdown()).isEqualTo("Theirs.");
        assertThat(articles.unpublish(a.id(), a.version())).isInstanceOf(SaveResult.Stale.class);
    }

    @Test
    void refusesASlugAnotherArticleHas() {
        articles.create(draft("Taken", ArticleState.DRAFT, Duration.ZERO));
        Article b = articles.create(draft("Other", ArticleState.DRAFT, Duration.ZERO));

        assertThat(articles.update(b.id(), b.version(), "taken", draft("Other", ArticleState.DRAFT, Duration.ZERO)))
                .isEqualTo(new SaveResult.SlugTaken("taken"));
        assertThat(articles.create(draft("New", ArticleState.DRAFT, Duration.ZERO), "taken"))
                .isEqualTo(new SaveResult.SlugTaken("taken"));
        assertThat(articles.update(b.id(), b.version(), "other", draft("Other", ArticleState.DRAFT, Duration.ZERO)))
                .isInstanceOf(SaveResult.Stored.class);
    }

    @Test
    void unpublishesBackToADraftAndDeletes() {
        Article a = articles.create(draft("Going away", ArticleState.PUBLISHED, Duration.ofHours(1), "Gone"));

        SaveResult result = articles.unpublish(a.id(), a.version());

        assertThat(result).isInstanceOf(SaveResult.Stored.class);
        Article draft = ((SaveResult.Stored) result).article();
        assertThat(draft.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(draft.publishedAt()).isEmpty();
        assertThat(articles.published("going-away")).isEmpty();
        assertThat(articles.delete(a.id())).isTrue();
        assertThat(articles.find(a.id())).isEmpty();
        assertThat(articles.tag("gone")).isEmpty();
        assertThat(articles.delete(a.id())).isFalse();
        assertThat(articles.update(a.id(), draft.version(), "", draft("X", ArticleState.DRAFT, Duration.ZERO)))
                .isEqualTo(new SaveResult.Missing());
    }

    @Test
    void listsEveryStateForStaffWithFiltersNewestFirst() {
        articles.create(draft("Old rail story", ArticleState.PUBLISHED, Duration.ofHours(5), "Transport"));
        articles.create(draft("Rail draft", ArticleState.DRAFT, Duration.ZERO, "Transport"));
        articles.create(draft("Future budget", ArticleState.SCHEDULED, Duration.ofHours(-2)));
        articles.create(new ArticleDraft("Fares up 50%", "", "Plain text.", "A", "Politics", List.of(),
                ArticleState.PUBLISHED, Optional.of(NOW.minusSeconds(60)), Optional.empty()));

        assertThat(articles.forStaff(ArticleFilter.ANY, 1, 10).items()).extracting(Article::title)
                .containsExactly("Future budget", "Rail draft", "Fares up 50%", "Old rail story");
        assertThat(articles.forStaff(new ArticleFilter(Optional.of(ArticleState.DRAFT), "", "", ""), 1, 10).items())
                .extracting(Article::title).containsExactly("Rail draft");
        assertThat(articles.forStaff(new ArticleFilter(Optional.empty(), "politics", "", ""), 1, 10).items())
                .extracting(Article::title).containsExactly("Fares up 50%");
        assertThat(articles.forStaff(new ArticleFilter(Optional.empty(), "", "transport", ""), 1, 10).total())
                .isEqualTo(2);
        assertThat(articles.forStaff(new ArticleFilter(Optional.empty(), "", "", "RAIL"), 1, 10).items())
                .extracting(Article::title).containsExactly("Rail draft", "Old rail story");
        // LIKE's wildcards are taken literally: "50%" matches one story, "_" and "%" alone match none.
        assertThat(articles.forStaff(new ArticleFilter(Optional.empty(), "", "", "50%"), 1, 10).total()).isEqualTo(1);
        assertThat(articles.forStaff(new ArticleFilter(Optional.empty(), "", "", "%"), 1, 10).total()).isEqualTo(1);
        assertThat(articles.forStaff(new ArticleFilter(Optional.empty(), "", "", "_"), 1, 10).total()).isZero();
        assertThat(articles.forStaff(new ArticleFilter(Optional.of(ArticleState.PUBLISHED), "world", "transport",
                "rail"), 1, 10).items()).extracting(Article::title).containsExactly("Old rail story");
        assertThat(articles.forStaff(ArticleFilter.ANY, 2, 3).items()).extracting(Article::title)
                .containsExactly("Old rail story");
        assertThat(articles.allSections()).extracting(Section::slug).containsExactly("politics", "world");
    }
}
