package dev.gazette.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.HandClock;
import dev.gazette.spam.InMemoryModelStore;
import dev.gazette.spam.ShieldSettings;
import dev.gazette.spam.SpamShield;
import dev.gazette.spam.Submission;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The follower folds lessons into the model once they are a day old; driven round by round, without its timer. */
class ShieldFollowerTest {
    @Test
    void lessonsWaitingInTheLogAreFoldedIntoTheModelOnceTheyAreADayOld() throws Exception {
        InMemoryModelStore store = new InMemoryModelStore();
        SpamShield shield = SpamShield.open(ShieldSettings.defaults(), store);
        HandClock clock = new HandClock(Instant.parse("2026-11-29T10:00:00Z"));
        ShieldFollower follower = new ShieldFollower(shield, clock);
        shield.learn(Submission.of("cheap pills at pills.example.top"), true);
        follower.round(); // notices the copy
        clock.advance(ShieldFollower.KEEP_COPIES.minus(Duration.ofMinutes(1)));
        follower.round();
        assertThat(store.logSize()).as("still within the day").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        follower.round();
        assertThat(store.logSize()).as("a day old: folded into the model").isZero();
        assertThat(shield.stats().spamLearned()).isEqualTo(1);
    }
}
