package dev.gazette.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.store.Database;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The newsroom's saved settings, once per database dialect. */
abstract class SettingsStoreContract {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private Database db;
    SettingsStore store;

    abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        store = new SettingsStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void savedValuesReadBackAndASecondSaveReplacesOnlyWhatItNames() {
        assertThat(store.all()).isEmpty();
        store.save(Map.of("site.title", "The Harbour Gazette", "comments.hold-all", "true"), NOW);
        store.save(Map.of("comments.hold-all", "false", "comments.max-depth", "3"), NOW.plusSeconds(1));
        store.save(Map.of(), NOW.plusSeconds(2));

        assertThat(store.all()).isEqualTo(Map.of("site.title", "The Harbour Gazette", "comments.hold-all", "false",
                "comments.max-depth", "3"));
    }

    @Test
    void valuesKeepEveryCharacter() {
        String words = "Nouvelles du port — « ça va » 😀\nsecond line, 'quoted' and \"double\"";
        store.save(Map.of("site.description", words, "comments.moderation-keys", ""), NOW);

        assertThat(store.all()).containsEntry("site.description", words).containsEntry("comments.moderation-keys", "");
    }
}
