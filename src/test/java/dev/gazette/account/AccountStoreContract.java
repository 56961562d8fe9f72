package dev.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.store.Database;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staff accounts, sessions, setup tokens and activity log, run once per database dialect. */
abstract class AccountStoreContract {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private Database db;
    AccountStore store;

    abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        store = new AccountStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void accountsAndFailedSignInsAreKept() {
        assertThat(store.anyAdmin()).isFalse();
        long ada = store.insert("ada@example.org", "Ada", Role.ADMIN, "hash-a", NOW);
        store.insert("bo@example.org", "Bo", Role.MODERATOR, "hash-b", NOW);

        assertThat(store.anyAdmin()).isTrue();
        assertThat(store.all()).extracting(StaffUser::name).containsExactly("Ada", "Bo");
        AccountStore.Credentials c = store.credentials("ada@example.org").orElseThrow();
        assertThat(c.user()).isEqualTo(new StaffUser(ada, "ada@example.org", "Ada", Role.ADMIN));
        assertThat(c.passwordHash()).isEqualTo("hash-a");
        assertThat(c.failedLogins()).isZero();

        store.failedLogin(ada, NOW.plusSeconds(5));
        store.failedLogin(ada, NOW.plusSeconds(9));
        c = store.credentials("ada@example.org").orElseThrow();
        assertThat(c.failedLogins()).isEqualTo(2);
        assertThat(c.lastFailed()).isEqualTo(NOW.plusSeconds(9));
        store.goodLogin(ada);
        assertThat(store.credentials("ada@example.org").orElseThrow().failedLogins()).isZero();
        assertThat(store.credentials("nobody@example.org")).isEmpty();
    }

    @Test
    void aSessionIsOpenUntilItsIdleTimeOrItsOwnerSignsInAgain() {
        long ada = store.insert("ada@example.org", "Ada", Role.EDITOR, "hash", NOW);
        store.insertSession("t1", ada, NOW, NOW.plus(Duration.ofHours(2)));

        AccountStore.OpenSession open = store.openSession("t1", NOW.plusSeconds(60), NOW.minusSeconds(1)).orElseThrow();
        assertThat(open.user().id()).isEqualTo(ada);
        assertThat(open.opened()).isEqualTo(NOW);
        assertThat(open.idleUntil()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(store.openSession("t1", NOW.plus(Duration.ofHours(2)), NOW.minusSeconds(1))).as("idle too long").isEmpty();
        assertThat(store.openSession("t1", NOW.plusSeconds(60), NOW)).as("opened before a newer sign-in").isEmpty();

        store.extendSession("t1", NOW.plus(Duration.ofHours(3)));
        assertThat(store.openSession("t1", NOW.plus(Duration.ofHours(2)), NOW.minusSeconds(1))).isPresent();
        store.deleteSession("t1");
        assertThat(store.openSession("t1", NOW, NOW.minusSeconds(1))).isEmpty();
    }

    @Test
    void aSetupTokenWorksOnceAndOnlyBeforeItExpires() {
        store.insertSetupToken("s1", NOW.plus(Duration.ofDays(1)));
        store.insertSetupToken("s2", NOW.plusSeconds(10));

        assertThat(store.setupTokenValid("s1", NOW)).isTrue();
        assertThat(store.takeSetupToken("s1", NOW)).isTrue();
        assertThat(store.takeSetupToken("s1", NOW)).as("used up").isFalse();
        assertThat(store.setupTokenValid("s1", NOW)).isFalse();
        assertThat(store.setupTokenValid("s2", NOW.plusSeconds(10))).as("expired").isFalse();
        assertThat(store.takeSetupToken("s2", NOW.plusSeconds(10))).isFalse();
    }

    @Test
    void theActivityLogReadsNewestFirstAndKeepsNamesOfPeopleGone() {
        long ada = store.insert("ada@example.org", "Ada", Role.ADMIN, "hash", NOW);
        store.log(ada, "Ada", "publish article", "#1", NOW);
        store.log(null, "setup link", "create admin", "Ada", NOW.plusSeconds(1));
        store.log(ada, "Ada", "edit article", "#1", NOW.plusSeconds(1));

        assertThat(store.recentActivity(2)).extracting(e -> e.who() + ": " + e.action())
                .containsExactly("Ada: edit article", "setup link: create admin");
        assertThat(store.recentActivity(10)).hasSize(3).last().satisfies(e -> assertThat(e.at()).isEqualTo(NOW));
    }
}
