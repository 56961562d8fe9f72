package dev.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.HandClock;
import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adding staff, the one-time setup of the first admin, and the activity log. */
class AccountsTest {
    private static final String PASSWORD = "correct horse battery";

    private final HandClock clock = new HandClock();
    private Database db;
    private Accounts accounts;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite();
        accounts = new Accounts(new AccountStore(db), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNewMemberIsStoredUnderTheLowerCasedEmailAndSignsInWithAnyCase() {
        StaffUser bo = accounts.add("  Bo@Example.ORG ", "", Role.MODERATOR, PASSWORD);

        assertThat(bo.email()).isEqualTo("bo@example.org");
        assertThat(bo.name()).as("the name defaults to the email's first part").isEqualTo("bo");
        assertThat(accounts.all()).containsExactly(bo);
        assertThat(accounts.signIn("BO@example.org", PASSWORD, "203.0.113.1")).isEqualTo(new Accounts.SignIn.Ok(bo));
        assertThat(accounts.signIn("bo@example.org", "wrong password", "203.0.113.1"))
                .isInstanceOf(Accounts.SignIn.Failed.class);
        assertThat(accounts.signIn("nobody@example.org", PASSWORD, "203.0.113.2")).isInstanceOf(Accounts.SignIn.Failed.class);
    }

    @Test
    void badInputSaysWhatToFix() {
        assertThatThrownBy(() -> accounts.add("not an email", "Bo", Role.EDITOR, PASSWORD))
                .hasMessage("Enter a valid email address.");
        assertThatThrownBy(() -> accounts.add("bo@example.org", "Bo", Role.EDITOR, "short"))
                .hasMessageStartingWith("Use a password of at least ");
        accounts.add("bo@example.org", "Bo", Role.EDITOR, PASSWORD);
        assertThatThrownBy(() -> accounts.add("BO@example.org", "Bo again", Role.ADMIN, PASSWORD))
                .hasMessage("There is already a staff member with the email bo@example.org.");
    }

    @Test
    void theSetupLinkCreatesOneAdminOnceWithinADay() {
        assertThat(accounts.hasAdmin()).isFalse();
        String token = accounts.setupToken();
        String late = accounts.setupToken();
        assertThat(accounts.setupTokenValid(token)).isTrue();
        assertThat(accounts.setupTokenValid("made-up")).isFalse();
        assertThat(accounts.setupTokenValid(null)).isFalse();

        StaffUser admin = accounts.setUp(token, "ada@example.org", "Ada", PASSWORD);
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(accounts.hasAdmin()).isTrue();
        assertThat(accounts.setupTokenValid(token)).as("used up").isFalse();
        assertThatThrownBy(() -> accounts.setUp(late, "eve@example.org", "Eve", PASSWORD))
                .hasMessage("This site already has an admin; sign in instead.");
    }

    @Test
    void anExpiredSetupLinkIsRefused() {
        String token = accounts.setupToken();
        clock.advance(Duration.ofDays(1));
        assertThatThrownBy(() -> accounts.setUp(token, "ada@example.org", "Ada", PASSWORD))
                .hasMessage("This setup link has expired or was used. Start ./gazette again for a new one.");
        assertThat(accounts.hasAdmin()).isFalse();
    }

    @Test
    void staffActionsAreLoggedNewestFirstWithWhoAndWhen() {
        Staff ada = new Staff(1, "Ada", "ada@example.org", "admin", Set.of(Permission.SETTINGS), "t");
        accounts.record(ada, "save settings", "site");
        clock.advance(Duration.ofMinutes(1));
        accounts.record(ada, "publish article", "#4");

        assertThat(accounts.recentActivity(10)).extracting(e -> e.who() + " " + e.action() + " " + e.target())
                .containsExactly("Ada publish article #4", "Ada save settings site");
        assertThat(accounts.recentActivity(10).get(0).at()).isEqualTo(clock.instant());
    }
}
