package dev.gazette.account;

import dev.gazette.store.SiteSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Staff sessions: a random token (which only the browser's cookie holds, see {@link SessionCookie}) stored only as a
 * hash; each session's forms carry a token.
 */
public final class Sessions {
    public static final String COOKIE = "gazette_staff";
    static final Duration LIFETIME = Duration.ofHours(12);
    static final Duration IDLE = Duration.ofHours(2);
    // Using a session moves its idle deadline, but at most once a minute: a page view is not a database write.
    private static final Duration EXTEND_EVERY = Duration.ofMinutes(1);

    private final AccountStore store;
    private final SiteSecret secret;
    private final Clock clock;

    public Sessions(AccountStore store, SiteSecret secret, Clock clock) {
        this.store = store;
        this.secret = secret;
        this.clock = clock;
    }

    /** Opens a session; returns its token, which only the cookie holds. */
    String open(StaffUser user) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(SiteSecret.random(32));
        Instant now = clock.instant();
        store.insertSession(Accounts.hash(token), user.id(), now, idleUntil(now, now));
        return token;
    }

    /** Ends the session this token opens, if any; an empty or unknown token changes nothing. */
    void close(String token) {
        if (!token.isEmpty()) store.deleteSession(Accounts.hash(token));
    }

    /**
     * The staff member whose session this token opens, if it is still open: used within the last {@link #IDLE}
     * and opened less than {@link #LIFETIME} ago. The table's expires_at holds the idle deadline.
     */
    Optional<Staff> byToken(String token) {
        if (token.isEmpty()) return Optional.empty();
        String hash = Accounts.hash(token);
        Instant now = clock.instant();
        return store.openSession(hash, now, now.minus(LIFETIME)).map(s -> {
            Instant extended = idleUntil(s.opened(), now);
            if (extended.isAfter(s.idleUntil().plus(EXTEND_EVERY))) store.extendSession(hash, extended);
            StaffUser u = s.user();
            return new Staff(u.id(), u.name(), u.email(), u.role().code(), u.role().permissions(),
                    secret.sign("staff-form:" + token));
        });
    }

    private static Instant idleUntil(Instant opened, Instant now) {
        Instant idle = now.plus(IDLE);
        Instant end = opened.plus(LIFETIME);
        return idle.isBefore(end) ? idle : end;
    }
}
