package dev.gazette.account;

import dev.gazette.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL for staff, their sessions, the setup link and the activity log. */
public final class AccountStore {
    private final Jdbi reads;
    private final Jdbi writes;

    public AccountStore(Database db) {
        this.reads = db.reads();
        this.writes = db.writes();
    }

    long insert(String email, String name, Role role, String passwordHash, Instant now) {
        return writes.withHandle(h -> h.createQuery("INSERT INTO staff_user (email, name, role, password_hash, created_at)"
                        + " VALUES (:email, :name, :role, :hash, :now) RETURNING id")
                .bind("email", email).bind("name", name).bind("role", role.code()).bind("hash", passwordHash)
                .bind("now", now.toEpochMilli()).mapTo(Long.class).one());
    }

    Optional<Credentials> credentials(String email) {
        return reads.withHandle(h -> h.createQuery("SELECT id, email, name, role, password_hash, failed_logins, last_failed"
                        + " FROM staff_user WHERE email = :email")
                .bind("email", email)
                .map((rs, ctx) -> new Credentials(user(rs), rs.getString("password_hash"), rs.getInt("failed_logins"),
                        Instant.ofEpochMilli(rs.getLong("last_failed"))))
                .findOne());
    }

    void failedLogin(long id, Instant now) {
        writes.useHandle(h -> h.createUpdate("UPDATE staff_user SET failed_logins = failed_logins + 1, last_failed = :now"
                + " WHERE id = :id").bind("now", now.toEpochMilli()).bind("id", id).execute());
    }

    /** A new password; the account's sessions end and its failed sign-ins are forgotten, in one transaction. */
    void setPassword(long id, String passwordHash) {
        writes.useTransaction(h -> {
            h.createUpdate("UPDATE staff_user SET password_hash = :hash, failed_logins = 0 WHERE id = :id")
                    .bind("hash", passwordHash).bind("id", id).execute();
            h.createUpdate("DELETE FROM staff_session WHERE user_id = :id").bind("id", id).execute();
        });
    }

    /** The failed sign-ins counted under a key (an address, an account and address), forgotten after {@code idle}. */
    SignInFailures.Tally failures(String key, Instant now, Duration idle) {
        return reads.withHandle(h -> h.createQuery("SELECT failures, last_ms FROM sign_in_failure"
                        + " WHERE failure_key = :key AND last_ms >= :since")
                .bind("key", key).bind("since", now.minus(idle).toEpochMilli())
                .map((rs, ctx) -> new SignInFailures.Tally(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2))))
                .findOne().orElse(SignInFailures.Tally.NONE));
    }

    void failed(String key, Instant now, Duration idle) {
        writes.useHandle(h -> h.createUpdate("INSERT INTO sign_in_failure (failure_key, failures, last_ms)"
                        + " VALUES (:key, 1, :now) ON CONFLICT (failure_key) DO UPDATE SET"
                        + " failures = CASE WHEN sign_in_failure.last_ms < :since THEN 1 ELSE sign_in_failure.failures + 1 END,"
                        + " last_ms = :now")
                .bind("key", key).bind("now", now.toEpochMilli()).bind("since", now.minus(idle).toEpochMilli()).execute());
    }

    void forgetFailures(String key) {
        writes.useHandle(h -> h.createUpdate("DELETE FROM sign_in_failure WHERE failure_key = :key").bind("key", key).execute());
    }

    /**
     * A good sign-in from a browser, recorded in one transaction: the failures forgotten, the browser seen now (those
     * unseen since {@code forgetBefore} forgotten). When the browser is new to an account that had signed in before,
     * {@code whenNew} runs in the same transaction.
     */
    void signedIn(long id, String deviceHash, Instant now, Instant forgetBefore, Consumer<Handle> whenNew) {
        writes.useTransaction(h -> {
            h.createUpdate("UPDATE staff_user SET failed_logins = 0 WHERE id = :id").bind("id", id).execute();
            boolean signedInBefore = h.createQuery("SELECT COUNT(*) FROM staff_device WHERE user_id = :u")
                    .bind("u", id).mapTo(Integer.class).one() > 0;
            h.createUpdate("DELETE FROM staff_device WHERE user_id = :u AND last_seen < :before")
                    .bind("u", id).bind("before", forgetBefore.toEpochMilli()).execute();
            boolean seen = h.createUpdate("UPDATE staff_device SET last_seen = :now WHERE user_id = :u AND device_hash = :d")
                    .bind("u", id).bind("d", deviceHash).bind("now", now.toEpochMilli()).execute() > 0;
            // Two sign-ins from one new browser at once: one of them adds it, and only that one tells.
            boolean added = !seen && h.createUpdate("INSERT INTO staff_device (user_id, device_hash, first_seen, last_seen)"
                            + " VALUES (:u, :d, :now, :now) ON CONFLICT (user_id, device_hash) DO NOTHING")
                    .bind("u", id).bind("d", deviceHash).bind("now", now.toEpochMilli()).execute() > 0;
            if (added && signedInBefore) whenNew.accept(h);
        });
    }

    void goodLogin(long id) {
        writes.useHandle(h -> h.createUpdate("UPDATE staff_user SET failed_logins = 0 WHERE id = :id").bind("id", id).execute());
    }

    boolean anyAdmin() {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM staff_user WHERE role = 'admin'")
                .mapTo(Integer.class).one() > 0);
    }

    List<StaffUser> all() {
        return reads.withHandle(h -> h.createQuery("SELECT id, email, name, role FROM staff_user ORDER BY name")
                .map((rs, ctx) -> user(rs)).list());
    }

    void insertSession(String tokenHash, long userId, Instant now, Instant expires) {
        writes.useHandle(h -> h.createUpdate("INSERT INTO staff_session (token_hash, user_id, created_at, expires_at)"
                        + " VALUES (:t, :u, :now, :exp)")
                .bind("t", tokenHash).bind("u", userId).bind("now", now.toEpochMilli()).bind("exp", expires.toEpochMilli())
                .execute());
    }

    /** The session's user if it is open: used within the idle time (expires_at) and opened after {@code openedAfter}. */
    Optional<OpenSession> openSession(String tokenHash, Instant now, Instant openedAfter) {
        return reads.withHandle(h -> h.createQuery("SELECT u.id, u.email, u.name, u.role, s.created_at, s.expires_at"
                        + " FROM staff_session s JOIN staff_user u ON u.id = s.user_id"
                        + " WHERE s.token_hash = :t AND s.expires_at > :now AND s.created_at > :openedAfter")
                .bind("t", tokenHash).bind("now", now.toEpochMilli()).bind("openedAfter", openedAfter.toEpochMilli())
                .map((rs, ctx) -> new OpenSession(user(rs), Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne());
    }

    void extendSession(String tokenHash, Instant expires) {
        writes.useHandle(h -> h.createUpdate("UPDATE staff_session SET expires_at = :exp WHERE token_hash = :t")
                .bind("exp", expires.toEpochMilli()).bind("t", tokenHash).execute());
    }

    void deleteSession(String tokenHash) {
        writes.useHandle(h -> h.createUpdate("DELETE FROM staff_session WHERE token_hash = :t").bind("t", tokenHash).execute());
    }

    void insertSetupToken(String tokenHash, Instant expires) {
        writes.useHandle(h -> h.createUpdate("INSERT INTO setup_token (token_hash, expires_at) VALUES (:t, :exp)")
                .bind("t", tokenHash).bind("exp", expires.toEpochMilli()).execute());
    }

    /** Uses up a setup token: true only the first time, and only before it expires. */
    boolean takeSetupToken(String tokenHash, Instant now) {
        return writes.withHandle(h -> h.createUpdate("DELETE FROM setup_token WHERE token_hash = :t AND expires_at > :now")
                .bind("t", tokenHash).bind("now", now.toEpochMilli()).execute()) > 0;
    }

    boolean setupTokenValid(String tokenHash, Instant now) {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM setup_token WHERE token_hash = :t AND expires_at > :now")
                .bind("t", tokenHash).bind("now", now.toEpochMilli()).mapTo(Integer.class).one() > 0);
    }

    void log(Long userId, String userName, String action, String target, Instant now) {
        writes.useHandle(h -> h.createUpdate("INSERT INTO activity (user_id, user_name, action, target, at)"
                        + " VALUES (:u, :n, :a, :t, :at)")
                .bind("u", userId).bind("n", userName).bind("a", action).bind("t", target).bind("at", now.toEpochMilli())
                .execute());
    }

    public List<ActivityEntry> recentActivity(int limit) {
        return reads.withHandle(h -> h.createQuery("SELECT user_name, action, target, at FROM activity"
                        + " ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new ActivityEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))))
                .list());
    }

    private static StaffUser user(ResultSet rs) throws SQLException {
        return new StaffUser(rs.getLong("id"), rs.getString("email"), rs.getString("name"), Role.ofCode(rs.getString("role")));
    }

    /** A session still open, with when it was opened and when it closes if unused. */
    record OpenSession(StaffUser user, Instant opened, Instant idleUntil) {}

    /** What signing in checks against. */
    record Credentials(StaffUser user, String passwordHash, int failedLogins, Instant lastFailed) {}

}
