package dev.gazette.akismet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.spam.Fingerprint;
import dev.gazette.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys, their counts, lessons and kept checks, run once per database dialect. */
abstract class AkismetStoreContract {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private Database db;
    AkismetStore store;

    abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        store = new AkismetStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void keysAreFoundByHashListedAndRevoked() {
        long a = store.insertKey("hash-a", "gzA1", "https://a.example", NOW);
        store.insertKey("hash-b", "gzB2", "https://b.example", NOW.plusSeconds(1));

        ApiKey found = store.byHash("hash-a").orElseThrow();
        assertThat(found).isEqualTo(new ApiKey(a, "gzA1", "https://a.example", NOW, java.util.Optional.empty(),
                new KeyStats(0, 0, 0, 0, 0)));
        assertThat(store.all()).extracting(ApiKey::prefix).containsExactly("gzA1", "gzB2");
        assertThat(store.byHash("hash-z")).isEmpty();

        assertThat(store.revoke(a, NOW.plusSeconds(60))).isTrue();
        assertThat(store.revoke(a, NOW.plusSeconds(61))).as("already revoked").isFalse();
        assertThat(store.byHash("hash-a").orElseThrow().revokedAt()).contains(NOW.plusSeconds(60));
        assertThat(store.byHash("hash-b").orElseThrow().active()).isTrue();
    }

    @Test
    void checksAreCountedKeptForFeedbackAndDeletedWhenOld() {
        long key = store.insertKey("hash-a", "gzA1", "https://a.example", NOW);
        AkismetParams params = new AkismetParams(Map.of("comment_content", "Cheap pills here", "user_ip", "203.0.113.9"));
        store.record(List.of(
                new CheckLog.Entry("g1", key, NOW, true, params, true),
                new CheckLog.Entry("g2", key, NOW.plusSeconds(5), false, params, true),
                new CheckLog.Entry("g3", key, NOW.plusSeconds(6), false, params, false)));
        store.recordFeedback(key, "g2", true); // spam it let through
        store.recordFeedback(key, "g1", false); // ham it blocked

        assertThat(store.byHash("hash-a").orElseThrow().stats()).isEqualTo(new KeyStats(3, 1, 2, 1, 1));
        AkismetStore.StoredCheck kept = store.check("g1", key).orElseThrow();
        assertThat(kept.spam()).isTrue();
        assertThat(AkismetParams.fromJson(kept.params())).isEqualTo(params);
        assertThat(store.check("g3", key)).as("a check not to keep").isEmpty();
        assertThat(store.check("g1", key + 1)).as("another key's guid").isEmpty();

        assertThat(store.deleteChecksBefore(NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(store.check("g1", key)).isEmpty();
        assertThat(store.check("g2", key)).isPresent();
    }

    @Test
    void aReportOnTheSameTextAgainReplacesItsLabelAndMovesItToTheFront() {
        long key = store.insertKey("hash-a", "gzA1", "https://a.example", NOW);
        Fingerprint pills = Fingerprint.of("Cheap pills at pills.example.top, order now");
        Fingerprint bridge = Fingerprint.of("The bridge at the mill was closed by noon.");
        store.teach(key, pills, true, 10);
        store.teach(key, bridge, false, 10);
        store.teach(key, pills, false, 10);

        List<KeyLessons.Lesson> lessons = store.lessons(key);
        assertThat(lessons).extracting(l -> l.text().exact()).containsExactly(pills.exact(), bridge.exact());
        assertThat(lessons.get(0).spam()).isFalse();
        assertThat(lessons.get(0).text().near(pills)).isTrue();

        store.teach(key, Fingerprint.of("A third report, newest of all"), true, 2);
        assertThat(store.lessons(key)).extracting(l -> l.text().exact()).hasSize(2).doesNotContain(bridge.exact());
    }
}
