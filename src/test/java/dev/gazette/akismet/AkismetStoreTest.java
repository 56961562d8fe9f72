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
}
