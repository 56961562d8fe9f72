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

    private final AccountStore store;
    private final SiteSecret secret;
    private final Clock clock;

    public Sessions(AccountStore store, SiteSecret secret, Clock clock) {
        this.store = store;
        this.secret = secret;
        this.clock = clock;
    }

    void start(Context ctx, StaffUser user) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(SiteSecret.random(32));
        Instant now = clock.instant();
        store.insertSession(Accounts.hash(token), user.id(), now, now.plus(LIFETIME));
        ctx.cookie(cookie(ctx, token, (int) LIFETIME.toSeconds()));
    }

    void end(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) store.deleteSession(Accounts.hash(token));
        ctx.cookie(cookie(ctx, "", 0));
    }

    /** The signed-in staff member of this request, with the form token of their session. */
    Optional<Staff> current(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null || token.isEmpty()) return Optional.empty();
        return store.sessionUser(Accounts.hash(token), clock.instant())
                .map(u -> new Staff(u.id(), u.name(), u.email(), u.role().code(), u.role().permissions(),
                        secret.sign("staff-form:" + token)));
    }

    private static Cookie cookie(Context ctx, String value, int maxAge) {
        boolean secure = ClientRequest.of(ctx).secure();
        return new Cookie(COOKIE, value, "/", maxAge, secure, true, null, SameSite.LAX);
    }
}
