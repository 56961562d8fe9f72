package dev.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.HandClock;
import dev.gazette.store.SiteSecret;
import dev.gazette.store.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waits after failed sign-ins and the life of a session, on a clock the test moves. */
class SignInClockTest {
    static final String PASSWORD = "correct horse battery";
    HandClock clock;
    Accounts accounts;
    Sessions sessions;
    StaffUser ada;

    @BeforeEach
    void open() {
        clock = new HandClock();
        AccountStore store = new AccountStore(TestDatabases.sqlite());
        accounts = new Accounts(store, clock);
        sessions = new Sessions(store, SiteSecret.of(new byte[32]), clock);
        ada = accounts.add("ada@example.org", "Ada", Role.ADMIN, PASSWORD);
    }

    @Test
    void aClientThatWaitsAsLongAsItIsToldIsLetIn() {
        for (int i = 0; i < 3; i++) {
            assertThat(accounts.signIn("ada@example.org", "guess " + i, "203.0.113.1")).isInstanceOf(Accounts.SignIn.Failed.class);
        }
        clock.advance(Duration.ofMillis(300)); // the next try comes a little later, never on the very millisecond
        Accounts.SignIn refused = accounts.signIn("ada@example.org", PASSWORD, "203.0.113.1");
        assertThat(refused).isInstanceOf(Accounts.SignIn.Wait.class);
        clock.advance(Duration.ofSeconds(((Accounts.SignIn.Wait) refused).seconds()));
        assertThat(accounts.signIn("ada@example.org", PASSWORD, "203.0.113.1")).isInstanceOf(Accounts.SignIn.Ok.class);
    }

    @Test
    void aSessionEndsAfterTwoHoursUnused() {
        String token = sessions.open(ada);
        clock.advance(Duration.ofMinutes(119));
        assertThat(sessions.byToken(token)).as("used within two hours").isPresent();
        clock.advance(Duration.ofMinutes(119));
        assertThat(sessions.byToken(token)).as("each use keeps it open two hours more").isPresent();
        clock.advance(Duration.ofMinutes(121));
        assertThat(sessions.byToken(token)).as("unused for over two hours").isEmpty();
    }

    @Test
    void aSessionInUseStillEndsTwelveHoursAfterSigningIn() {
        String token = sessions.open(ada);
        for (int hour = 1; hour < 12; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(sessions.byToken(token)).as("hour " + hour).isPresent();
        }
        clock.advance(Duration.ofMinutes(61));
        assertThat(sessions.byToken(token)).isEmpty();
    }
}
