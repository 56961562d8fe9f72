package dev.gazette.account;

import dev.gazette.web.ClientRequest;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;

/** The HTTP side of staff sessions: the HttpOnly cookie that carries a session's token, over {@link Sessions}. */
final class SessionCookie {
    private final Sessions sessions;

    SessionCookie(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Signs the browser in; a session it already had ends, so nobody who knew that cookie is carried along. */
    void start(Context ctx, StaffUser user) {
        String old = ctx.cookie(Sessions.COOKIE);
        if (old != null) sessions.close(old);
        ctx.cookie(cookie(ctx, sessions.open(user), (int) Sessions.LIFETIME.toSeconds()));
    }

    void end(Context ctx) {
        String token = ctx.cookie(Sessions.COOKIE);
        if (token != null) sessions.close(token);
        ctx.cookie(cookie(ctx, "", 0));
    }

    /** The signed-in staff member of this request, with the form token of their session. */
    Optional<Staff> current(Context ctx) {
        String token = ctx.cookie(Sessions.COOKIE);
        return token == null ? Optional.empty() : sessions.byToken(token);
    }

    private static Cookie cookie(Context ctx, String value, int maxAge) {
        boolean secure = ClientRequest.of(ctx).secure();
        return new Cookie(Sessions.COOKIE, value, "/", maxAge, secure, true, null, SameSite.LAX);
    }
}
