package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Parts are dropped by the keys of what they show, and never kept when a purge came while they were built. */
class PageCacheTest {
    private final PageCache cache = new PageCache(Duration.ofMinutes(1), 100, CachePolicy.defaults());
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
}
