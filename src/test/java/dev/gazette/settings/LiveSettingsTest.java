package dev.gazette.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.HandClock;
import dev.gazette.comment.CommentSettings;
import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Settings saved by another node reach this one by its background poll (or a notice), never inside a reader's
 * request: a page or a health check reads them from memory only, so a database that hangs cannot hold it up.
 */
class LiveSettingsTest {
    private final Database db = TestDatabases.sqlite();
    private final HandClock clock = new HandClock();

    @AfterEach
    void close() {
        db.close();
    }

    private LiveSettings node(boolean hearsNotices) {
        return new LiveSettings(new SettingsStore(db), CommentSettings.defaults(), "The Harbour Gazette",
                "News from the quay.", false, clock, () -> hearsNotices);
    }

    private static void retitle(LiveSettings on, String title) {
        Map<String, String> form = new HashMap<>(on.values());
        form.put("site.title", title);
        assertThat(on.save(form)).isEmpty();
    }

    @Test
    void aReadersRequestReadsMemoryOnlyAndTheBackgroundPollReadsTheDatabase() {
        LiveSettings here = node(false);
        retitle(node(false), "The Evening Lamp");
        clock.advance(LiveSettings.REFRESH.multipliedBy(3));

        assertThat(here.siteTitle()).as("long past the refresh time, a request still reads only memory")
                .isEqualTo("The Harbour Gazette");
        here.pollIfDeaf();
        assertThat(here.siteTitle()).as("the background poll brought the other node's title")
                .isEqualTo("The Evening Lamp");
    }

    @Test
    void whileNoticesAreHeardThePollLeavesItToThem() {
        LiveSettings here = node(true);
        retitle(node(true), "The Evening Lamp");

        here.pollIfDeaf();
        assertThat(here.siteTitle()).as("no poll while notices come").isEqualTo("The Harbour Gazette");
        here.reload();
        assertThat(here.siteTitle()).as("the notice's reload").isEqualTo("The Evening Lamp");
    }

    @Test
    void aDatabaseAwayKeepsTheSettingsLastRead() {
        LiveSettings here = node(false);
        retitle(here, "The Evening Lamp");
        db.close();

        here.pollIfDeaf();
        assertThat(here.siteTitle()).isEqualTo("The Evening Lamp");
        assertThat(here.comments()).isEqualTo(CommentSettings.defaults());
    }
}
