package dev.gazette.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.store.Database;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Moderators' decisions set against the shield's, once per database dialect. */
abstract class CorrectionStoreContract {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private Database db;
    CorrectionStore store;

    abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        store = new CorrectionStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void anEmptyRecordIsPerfect() {
        assertThat(store.summary()).isEqualTo(new CorrectionStore.ShieldRecord(0, 0, 0));
        assertThat(store.summary().accuracy()).isEqualTo(1.0);
    }

    @Test
    void missedSpamAndBlockedHamAreCountedApart() {
        store.record(1, false, true, NOW);
        store.record(2, false, true, NOW);
        store.record(3, true, false, NOW);
        store.record(4, true, true, NOW);
        store.record(5, false, false, NOW);

        CorrectionStore.ShieldRecord r = store.summary();
        assertThat(r).isEqualTo(new CorrectionStore.ShieldRecord(5, 2, 1));
        assertThat(r.accuracy()).isEqualTo(0.4);
    }
}
