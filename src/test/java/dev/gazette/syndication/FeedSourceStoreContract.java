package dev.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agency feeds the site polls and how each poll went, once per database dialect. */
abstract class FeedSourceStoreContract {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private Database db;
    FeedSourceStore store;

    abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        store = new FeedSourceStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aNewSourceIsDueAtOnceAndReadsBackAsAdded() {
        long id = store.insert("https://wire.example/rss", "Harbour Times", "Meridian Press", "World", 30, true, NOW);

        FeedSource s = store.find(id).orElseThrow();
        assertThat(s).isEqualTo(new FeedSource(id, "https://wire.example/rss", "Harbour Times", "Meridian Press", "World",
                30, true, "", "", NOW, Optional.empty(), 0, "", 0));
        assertThat(store.due(NOW)).extracting(FeedSource::id).containsExactly(id);
        assertThat(store.due(NOW.minusSeconds(1))).isEmpty();
        assertThat(store.find(id + 1)).isEmpty();
    }

    @Test
    void pollsAndFailuresAreRecordedAndDecideWhenItIsDueAgain() {
        long a = store.insert("https://a.example/rss", "", "", "World", 30, false, NOW);
        long b = store.insert("https://b.example/rss", "", "", "World", 30, false, NOW.minusSeconds(5));

        store.failed(a, "The feed's server answered 503.", NOW, NOW.plus(Duration.ofMinutes(10)));
        store.failed(a, "The feed's server answered 503.", NOW.plusSeconds(1), NOW.plus(Duration.ofMinutes(20)));
        FeedSource failing = store.find(a).orElseThrow();
        assertThat(failing.failures()).isEqualTo(2);
        assertThat(failing.lastError()).isEqualTo("The feed's server answered 503.");
        assertThat(failing.lastPolledAt()).contains(NOW.plusSeconds(1));

        store.polled(a, "\"v1\"", "Wed, 18 Nov 2026 10:00:00 GMT", 4, NOW.plusSeconds(2), NOW.plus(Duration.ofMinutes(30)));
        FeedSource ok = store.find(a).orElseThrow();
        assertThat(ok.failures()).isZero();
        assertThat(ok.lastError()).isEmpty();
        assertThat(ok.etag()).isEqualTo("\"v1\"");
        assertThat(ok.lastModified()).isEqualTo("Wed, 18 Nov 2026 10:00:00 GMT");
        assertThat(ok.lastAdded()).isEqualTo(4);
        assertThat(ok.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));

        assertThat(store.due(NOW.plus(Duration.ofMinutes(1)))).extracting(FeedSource::id).containsExactly(b);
        store.pollNow(a, NOW.minusSeconds(10));
        assertThat(store.due(NOW)).extracting(FeedSource::id).as("oldest due first").containsExactly(a, b);

        store.delete(b);
        assertThat(store.all()).extracting(FeedSource::id).containsExactly(a);
    }
}
