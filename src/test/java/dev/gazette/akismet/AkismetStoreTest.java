package dev.gazette.akismet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.spam.Fingerprint;
import dev.gazette.store.Database;
import dev.gazette.store.Dialect;
import dev.gazette.store.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AkismetStoreTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aKeyKeepsItsNewestLessonsUpToTheBoundAndLosesThemWhenRevoked(Dialect dialect) {
        Database db = TestDatabases.of(dialect);
        AkismetStore store = new AkismetStore(db);
        long busy = store.insertKey("hash-busy", "busy01", "https://busy.example", Instant.EPOCH);
        long other = store.insertKey("hash-other", "other1", "https://other.example", Instant.EPOCH);
        for (int i = 0; i < 5; i++) {
            store.teach(busy, Fingerprint.of("report number " + i), true, 3);
        }
        store.teach(busy, Fingerprint.of("report number 2"), false, 3); // reported again: now the newest
        store.teach(busy, Fingerprint.of("report number 5"), true, 3);
        store.teach(other, Fingerprint.of("report number 0"), true, 3);

        var kept = store.lessons(busy);
        assertThat(kept).extracting(l -> l.text().exact()).containsExactly(Fingerprint.of("report number 5").exact(),
                Fingerprint.of("report number 2").exact(), Fingerprint.of("report number 4").exact());
        assertThat(kept.get(1).spam()).as("the later report replaced the earlier").isFalse();
        assertThat(kept.get(0).text()).isEqualTo(Fingerprint.of("report number 5"));

        assertThat(store.revoke(busy, Instant.EPOCH)).isTrue();
        assertThat(store.lessons(busy)).isEmpty();
        assertThat(store.lessons(other)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void feedbackFindsTheLatestCheckOfTheSameFieldsAndCountsTheLastWordOnce(Dialect dialect) {
        Database db = TestDatabases.of(dialect);
        AkismetStore store = new AkismetStore(db);
        long key = store.insertKey("hash-match", "mtch", "https://match.example", Instant.EPOCH);
        AkismetParams reply = new AkismetParams(java.util.Map.of("comment_author", "Ana", "comment_author_email",
                "ana@example.org", "comment_content", "About the  harbour\nworks.", "user_ip", "192.0.2.9"));
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        store.record(java.util.List.of(new CheckLog.Entry("g-old", key, now.minusSeconds(3600), false, reply, true),
                new CheckLog.Entry("g-new", key, now, false, reply, true)));
        // The same fields as WordPress sends them back: case and white space aside, another address.
        AkismetParams report = new AkismetParams(java.util.Map.of("comment_author", "ana", "comment_author_email",
                "ANA@example.org", "comment_content", "About the harbour works. ", "user_ip", "192.0.2.10"));
        assertThat(store.matching(key, report.matchHash(), now.minusSeconds(60))).map(AkismetStore.StoredCheck::guid)
                .contains("g-new");
        assertThat(store.matching(key, report.matchHash(), now.plusSeconds(1))).as("outside the window").isEmpty();
        assertThat(store.matching(key + 1, report.matchHash(), now.minusSeconds(60))).as("another key").isEmpty();

        store.recordFeedback(key, "g-new", true);
        store.recordFeedback(key, "g-new", true);
        assertThat(stats(store, key).missedSpam()).isEqualTo(1);
        store.recordFeedback(key, "g-new", false);
        assertThat(stats(store, key).missedSpam()).isZero();
        assertThat(stats(store, key).falsePositives()).isZero();
    }

    private static KeyStats stats(AkismetStore store, long key) {
        return store.all().stream().filter(k -> k.id() == key).findFirst().orElseThrow().stats();
    }
}
