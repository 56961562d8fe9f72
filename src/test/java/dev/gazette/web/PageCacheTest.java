package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Parts are dropped by the keys of what they show, and never kept when a purge came while they were built; a kept
 * response past its lifetime or purged is refreshed by one reader while the others still get it.
 */
class PageCacheTest {
    private final PageCache cache = new PageCache(Duration.ofMinutes(1), 100, CachePolicy.defaults());
    private final AtomicLong now = new AtomicLong(1_000);
    private final PageCache timed = new PageCache(Duration.ofSeconds(5), 100, CachePolicy.defaults(), now::get);
    private final AtomicInteger builds = new AtomicInteger();

    private String part(String key, String... keys) {
        return cache.part(key, String.class, s -> SurrogateKeys.of(keys), () -> key + builds.incrementAndGet());
    }

    @Test
    void aPurgeDropsWhatCarriesOneOfItsKeysAndNothingElse() {
        part("article", "article-1", "article-2");
        part("home", "home", "article-1");
        part("other", "article-3");
        assertThat(builds).hasValue(3);

        cache.purge(SurrogateKeys.of("article-2"));
        part("article", "article-1", "article-2");
        part("home", "home", "article-1");
        part("other", "article-3");
        assertThat(builds).as("only the article page was built again").hasValue(4);

        cache.purge(SurrogateKeys.of("article-1"));
        part("article", "article-1", "article-2");
        part("home", "home", "article-1");
        part("other", "article-3");
        assertThat(builds).hasValue(6);

        cache.purge(SurrogateKeys.everything());
        part("other", "article-3");
        assertThat(builds).hasValue(7);
    }

    @Test
    void aPartBuiltWhileItsContentChangedIsNotKept() {
        // The build read the old content, then the change and its purge happened before the part was stored.
        cache.part("page", String.class, s -> SurrogateKeys.of("article-1"), () -> {
            cache.purge(SurrogateKeys.of("article-9"));
            return "old";
        });
        assertThat(cache.part("page", String.class, s -> SurrogateKeys.of("article-1"), () -> "new")).isEqualTo("new");
    }

    @Test
    void keysAreOneTokenEachAndEveryResponseNamesTheSite() {
        assertThat(SurrogateKeys.of("home", "article-42").header()).isEqualTo("site home article-42");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SurrogateKeys.of("two words"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStaleResponseIsRefreshedByOneReaderWhileTheOthersGetTheKeptCopy() {
        keep("http /a", "first", "article-1");
        assertThat(timed.mustRefresh(timed.kept("http /a"), true)).as("fresh").isFalse();

        later(Duration.ofSeconds(6));
        assertThat(timed.mustRefresh(timed.kept("http /a"), true)).as("the first reader after the lifetime").isTrue();
        for (int reader = 0; reader < 3; reader++) {
            PageCache.Kept kept = timed.kept("http /a");
            assertThat(timed.mustRefresh(kept, true)).as("the others, meanwhile").isFalse();
            assertThat(body(kept)).isEqualTo("first");
        }

        keep("http /a", "second", "article-1");
        assertThat(body(timed.kept("http /a"))).isEqualTo("second");
        assertThat(timed.mustRefresh(timed.kept("http /a"), true)).as("the refreshed copy is fresh").isFalse();
    }

    @Test
    void aPurgeMakesTheNextReaderRefreshAndOnlyWhatCarriesItsKeys() {
        keep("http /a", "a", "article-1");
        keep("http /b", "b", "article-2");
        timed.purge(SurrogateKeys.of("article-1"));
        assertThat(timed.mustRefresh(timed.kept("http /a"), true)).isTrue();
        assertThat(timed.mustRefresh(timed.kept("http /a"), true)).isFalse();
        assertThat(timed.mustRefresh(timed.kept("http /b"), true)).isFalse();
        assertThat(timed.mustRefresh(timed.kept("http /a"), false)).as("a HEAD never refreshes").isFalse();

        timed.purge(SurrogateKeys.everything());
        assertThat(timed.mustRefresh(timed.kept("http /b"), true)).isTrue();
    }

    @Test
    void aRefreshThatKeepsNothingDropsTheStaleCopy() {
        keep("http /a", "a", "article-1");
        timed.purge(SurrogateKeys.of("article-1"));
        PageCache.Kept stale = timed.kept("http /a");
        assertThat(timed.mustRefresh(stale, true)).isTrue();
        timed.settle(new SharedPageHandler.Asked("http /a", timed.purgesSoFar(), stale));
        assertThat(timed.kept("http /a")).as("the page is gone, failed or personal now").isNull();
    }

    @Test
    void aRefreshThatKeptAPageLeavesItInPlace() {
        keep("http /a", "a", "article-1");
        later(Duration.ofSeconds(6));
        PageCache.Kept stale = timed.kept("http /a");
        assertThat(timed.mustRefresh(stale, true)).isTrue();
        keep("http /a", "b", "article-1");
        timed.settle(new SharedPageHandler.Asked("http /a", timed.purgesSoFar(), stale));
        assertThat(body(timed.kept("http /a"))).isEqualTo("b");
    }

    @Test
    void aRefreshThatNeverEndsIsTakenOverAndAStaleCopyGoesAfterASecondLifetime() {
        keep("http /a", "a", "article-1");
        later(Duration.ofSeconds(6));
        assertThat(timed.mustRefresh(timed.kept("http /a"), true)).isTrue();
        later(Duration.ofSeconds(3));
        assertThat(timed.mustRefresh(timed.kept("http /a"), true)).as("half a lifetime later").isTrue();
        later(Duration.ofSeconds(2));
        assertThat(timed.kept("http /a")).isNull();
    }

    @Test
    void aResponseBuiltWhileItsContentChangedIsNotKept() {
        long seen = timed.purgesSoFar();
        timed.purge(SurrogateKeys.of("article-9"));
        timed.keep("http /a", response("old"), SurrogateKeys.of("article-1"), seen);
        assertThat(timed.kept("http /a")).isNull();
    }

    private void keep(String key, String body, String... keys) {
        timed.keep(key, response(body), SurrogateKeys.of(keys), timed.purgesSoFar());
    }

    private static SharedResponse response(String body) {
        return new SharedResponse(CachedPage.of(Responses.HTML, body), List.of(), "/a");
    }

    private static String body(PageCache.Kept kept) {
        return new String(kept.response().page().body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void later(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
