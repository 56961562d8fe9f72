package dev.gazette.account;

import dev.gazette.web.ClientRequest;
import dev.gazette.web.Page;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.util.function.Function;

/** Signing in and out, and the one-time setup of the first admin. */
public final class AccountRoutes implements Routes {
    private final Accounts accounts;
    private final SessionCookie sessions;
    private final SignInForms forms;
    private final Templates templates;
    private final Function<String, Page> chrome;
    private final boolean forgotLink;

    public AccountRoutes(Accounts accounts, Sessions sessions, SignInForms forms, Templates templates,
                         Function<String, Page> chrome) {
        this(accounts, sessions, forms, templates, chrome, false);
    }

    /** @param forgotLink whether the sign-in page offers "Forgot your password?" (only when the site sends mail) */
    public AccountRoutes(Accounts accounts, Sessions sessions, SignInForms forms, Templates templates,
                         Function<String, Page> chrome, boolean forgotLink) {
        this.forgotLink = forgotLink;
        this.accounts = accounts;
        this.sessions = new SessionCookie(sessions);
        this.forms = forms;
        this.templates = templates;
        this.chrome = chrome;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/login", ctx -> signInPage(ctx, "", "", HttpStatus.OK));
        routes.post("/admin/login", this::signIn);
        routes.post("/admin/logout", this::signOut);
        routes.get("/admin/setup", ctx -> setupPage(ctx, "", "", "", HttpStatus.OK));
        routes.post("/admin/setup", this::setUp);
    }

    private void signIn(Context ctx) {
        String email = field(ctx, "email");
        if (!forms.accepts(ctx)) {
            // Checked before the password, so a forged form learns nothing about it either.
            signInPage(ctx, email, "This sign-in form was out of date or did not come from this site. Enter your"
                    + " password again and sign in.", HttpStatus.FORBIDDEN);
            return;
        }
        String device = Devices.token(ctx);
        Accounts.SignIn result = accounts.signIn(email, field(ctx, "password"), ClientRequest.of(ctx).address(),
                new Accounts.Browser(device, ctx.userAgent()));
        if (result instanceof Accounts.SignIn.Ok ok) {
            Devices.remember(ctx, device);
            sessions.start(ctx, ok.user());
            ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
        } else if (result instanceof Accounts.SignIn.Wait wait) {
            ctx.header("Retry-After", String.valueOf(wait.seconds()));
            signInPage(ctx, email, "Too many failed attempts. Wait " + wait.seconds() + " seconds, then try again.",
                    HttpStatus.TOO_MANY_REQUESTS);
        } else {
            signInPage(ctx, email, "That email and password do not match a staff account.", HttpStatus.UNAUTHORIZED);
        }
    }

    private void signOut(Context ctx) {
        // Signing out carries the session's form token like every other change: another site may not end it.
        Staff staff = sessions.current(ctx).orElse(null);
        if (staff != null && !StaffGuard.carriesToken(ctx, staff)) {
            throw new ForbiddenResponse("This sign-out did not come from this site's newsroom pages, so you are still"
                    + " signed in. To sign out, use “Sign out” at the top of any newsroom page.");
        }
        sessions.end(ctx);
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    private void setUp(Context ctx) {
        String token = field(ctx, "token");
        try {
            StaffUser admin = accounts.setUp(token, field(ctx, "email"), field(ctx, "name"), field(ctx, "password"));
            sessions.start(ctx, admin);
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            setupPage(ctx, field(ctx, "email"), field(ctx, "name"), e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void signInPage(Context ctx, String email, String error, HttpStatus status) {
        Responses.personal(ctx, templates.render("account/signin.jte", new SignInView(chrome.apply("Sign in").notIndexed(), email, error,
                next(ctx.queryParam("next")), forms.issue(ctx), forgotLink)));
        ctx.status(status);
    }

    private void setupPage(Context ctx, String email, String name, String error, HttpStatus status) {
        String token = ctx.queryParam("token") != null ? ctx.queryParam("token") : field(ctx, "token");
        boolean usable = !accounts.hasAdmin() && accounts.setupTokenValid(token);
        Responses.personal(ctx, templates.render("account/setup.jte", new SetupView(chrome.apply("Set up").notIndexed(), token, email,
                name, usable ? error : "This setup link has expired or was used. Sign in instead, or start ./gazette on a"
                + " site without an admin for a new link.", usable, Accounts.MIN_PASSWORD)));
        ctx.status(usable ? status : HttpStatus.GONE);
    }

    /** Only paths on this site: a sign-in link cannot send anyone elsewhere. */
    private static String next(String next) {
        return next != null && next.startsWith("/admin") && !next.startsWith("//") ? next : "/admin";
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    /** The model of the sign-in page. */
    public record SignInView(Page page, String email, String error, String next, String token, boolean forgotLink) {}

    /** The model of the setup page. */
    public record SetupView(Page page, String token, String email, String name, String error, boolean usable,
                            int minPassword) {}
}
