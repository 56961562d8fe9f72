package dev.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.HandClock;
import dev.gazette.store.Database;
import dev.gazette.store.SiteSecret;
import dev.gazette.store.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions: the token opens a session only through its hash, each session has its own form token, use extends it. */
class SessionsTest {
    private final HandClock clock = new HandClock();
    private Database db;
    private AccountStore store;
    private Sessions sessions;
    private StaffUser ada;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite();
        store = new AccountStore(db);
        sessions = new Sessions(store, SiteSecret.load(db), clock);
        ada = new Accounts(store, clock).add("ada@example.org", "Ada", Role.EDITOR, "correct horse battery");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aTokenOpensItsSessionWithTheRolesPermissions() {
        String token = sessions.open(ada);

        Staff staff = sessions.byToken(token).orElseThrow();
        assertThat(staff.id()).isEqualTo(ada.id());
        assertThat(staff.name()).isEqualTo("Ada");
        assertThat(staff.role()).isEqualTo("editor");
        assertThat(staff.permissions()).isEqualTo(Role.EDITOR.permissions());
        assertThat(sessions.byToken("")).isEmpty();
        assertThat(sessions.byToken(token + "x")).isEmpty();
        assertThat(store.openSession(token, clock.instant(), clock.instant().minus(Sessions.LIFETIME)))
                .as("the database holds the hash, not the token").isEmpty();
    }

    @Test
    void eachSessionHasItsOwnStableFormToken() {
        String one = sessions.open(ada);
        String two = sessions.open(ada);

        String csrf = sessions.byToken(one).orElseThrow().csrf();
        assertThat(csrf).isNotBlank().isEqualTo(sessions.byToken(one).orElseThrow().csrf());
        assertThat(sessions.byToken(two).orElseThrow().csrf()).isNotEqualTo(csrf);
    }

    @Test
    void usingASessionKeepsItOpenPastTheIdleTimeButNotPastItsLifetime() {
        String token = sessions.open(ada);
        for (int i = 0; i < 6; i++) {
            clock.advance(Sessions.IDLE.minus(Duration.ofMinutes(5)));
            assertThat(sessions.byToken(token)).as("used again after %d rounds", i + 1).isPresent();
        }
        clock.advance(Sessions.LIFETIME.minus(Sessions.IDLE.minus(Duration.ofMinutes(5)).multipliedBy(6)));
        assertThat(sessions.byToken(token)).as("twelve hours after signing in").isEmpty();
    }
}
