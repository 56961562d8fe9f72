package dev.gazette.akismet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.spam.Fingerprint;
import dev.gazette.web.TestSite;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyLessonsTest {
    static final String OFFER = "Cheap replica watches and handbags, best prices online, visit replica-outlet.example today";

    @Test
    void theSameTextWinsOverANearCopyAndTheNearestCopyWins() {
        KeyLessons.Table table = new KeyLessons.Table(List.of(
                new KeyLessons.Lesson(Fingerprint.of(OFFER + " for a discount"), false),
                new KeyLessons.Lesson(Fingerprint.of(OFFER), true),
                new KeyLessons.Lesson(Fingerprint.of("The ferry timetable changed in May and nobody told the riders"), false)));
        assertThat(table.label(Fingerprint.of(OFFER))).contains(true);
        assertThat(table.label(Fingerprint.of(OFFER + " for a big discount"))).contains(false);
        assertThat(table.label(Fingerprint.of("Who decided to close the library on Sundays this winter?"))).isEmpty();
    }

    @Test
    void lessonsOutliveTheProcessAndReachAnotherNode() {
        try (TestSite site = TestSite.start(false, g -> {})) {
            site.gazette().apiKeys().add("https://node.example");
            long keyId = site.gazette().apiKeys().all().get(0).id();
            AkismetStore store = new AkismetStore(site.gazette().database());
            KeyLessons one = new KeyLessons(store);
            assertThat(one.taught(keyId, OFFER)).isEmpty();
            one.teach(keyId, OFFER, true);
            assertThat(one.taught(keyId, OFFER)).contains(true);
            // Another node, or this one restarted: a fresh cache over the same database.
            assertThat(new KeyLessons(store).taught(keyId, OFFER.replace("today", "now"))).isEqualTo(Optional.of(true));
            assertThat(new KeyLessons(store).taught(keyId + 1, OFFER)).isEmpty();
        }
    }
}
