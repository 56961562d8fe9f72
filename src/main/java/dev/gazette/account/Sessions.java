package dev.gazette.account;

import dev.gazette.store.SiteSecret;
import dev.gazette.web.ClientRequest;
import dev.gazette.web.Staff;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Staff sessions: a random token in an HttpOnly cookie, stored only as a hash; each session's forms carry a token. */
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

    /** Signs the browser in; a session it already had ends, so nobody who knew that cookie is carried along. */
    void start(Context ctx, StaffUser user) {
        String old = ctx.cookie(COOKIE);
        if (old != null && !old.isEmpty()) store.deleteSession(Accounts.hash(old));
        ctx.cookie(cookie(ctx, open(user), (int) LIFETIME.toSeconds()));
    }

    /** Opens a session; returns its token, which only the cookie holds. */
    String open(StaffUser user) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(SiteSecret.random(32));
        Instant now = clock.instant();
        store.insertSession(Accounts.hash(token), user.id(), now, idleUntil(now, now));
        return token;
    }

    void end(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) store.deleteSession(Accounts.hash(token));
        ctx.cookie(cookie(ctx, "", 0));
    }

    /** The signed-in staff member of this request, with the form token of their session. */
    Optional<Staff> current(Context ctx) {
        String token = ctx.cookie(COOKIE);
        return token == null ? Optional.empty() : byToken(token);
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

    private static Cookie cookie(Context ctx, String value, int maxAge) {
        boolean secure = ClientRequest.of(ctx).secure();
        return new Cookie(COOKIE, value, "/", maxAge, secure, true, null, SameSite.LAX);
    }
}
