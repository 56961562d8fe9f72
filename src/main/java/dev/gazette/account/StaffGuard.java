package dev.gazette.account;

import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Guards every route that declares a {@link Permission}: signed out, a page sends the reader to the sign-in form;
 * signed in without the permission, 403; and every state-changing request must carry the session's form token.
 */
public final class StaffGuard implements Routes {
    static final String CSRF_FIELD = "csrf";

    private final SessionCookie sessions;
    private final MenuCounts counts;

    public StaffGuard(Sessions sessions) {
        this(sessions, MenuCounts.NONE);
    }

    /** @param counts what waits behind the menu's entries, shown on every staff page */
    public StaffGuard(Sessions sessions, MenuCounts counts) {
        this.sessions = new SessionCookie(sessions);
        this.counts = counts;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        Set<RouteRole> needs = ctx.routeRoles();
        if (needs.isEmpty()) return;
        Responses.personal(ctx);
        Staff staff = sessions.current(ctx).orElse(null);
        if (staff == null) {
            if (ctx.method() == HandlerType.GET) {
                ctx.redirect("/admin/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new ForbiddenResponse("Your session has ended. Sign in again at /admin/login.");
        }
        if (needs.stream().noneMatch(role -> role instanceof Permission p && staff.may(p))) {
            throw new ForbiddenResponse("Your role (" + staff.role() + ") does not include this page.");
        }
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            if (!carriesToken(ctx, staff)) {
                throw new ForbiddenResponse("This form is out of date or did not come from this site. Go back, reload"
                        + " the page and send it again.");
            }
        }
        staff.withCounts(counts).attachTo(ctx);
    }

    /** Whether the request's form carries this staff member's session token. */
    static boolean carriesToken(Context ctx, Staff staff) {
        String sent = ctx.formParam(CSRF_FIELD);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                staff.csrf().getBytes(StandardCharsets.UTF_8));
    }
}
