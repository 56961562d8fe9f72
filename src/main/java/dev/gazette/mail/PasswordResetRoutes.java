package dev.gazette.mail;

import dev.gazette.account.Accounts;
import dev.gazette.web.Page;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.Function;

/** "Forgot your password?": asking for a link by mail, and choosing a new password with it. */
public final class PasswordResetRoutes implements Routes {
    private final PasswordResets resets;
    private final Templates templates;
    private final Function<String, Page> chrome;
    private final boolean enabled;

    /** @param enabled whether the site sends mail; without it there are no such pages */
    public PasswordResetRoutes(PasswordResets resets, Templates templates, Function<String, Page> chrome,
                               boolean enabled) {
        this.enabled = enabled;
        this.resets = resets;
        this.templates = templates;
        this.chrome = chrome;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        if (!enabled) return;
        routes.get("/admin/forgot", ctx -> forgotPage(ctx, "", false));
        routes.post("/admin/forgot", this::forgot);
        routes.get("/admin/reset", ctx -> resetPage(ctx, ctx.queryParam("t"), "", HttpStatus.OK));
        routes.post("/admin/reset", this::reset);
    }

    private void forgot(Context ctx) {
        String email = field(ctx, "email");
        if (!email.isBlank()) resets.request(email);
        // The same answer whether or not the address has an account: the page tells nobody who works here.
        forgotPage(ctx, email, true);
    }

    private void reset(Context ctx) {
        String token = field(ctx, "t");
        try {
            resets.reset(token, field(ctx, "password"));
            ctx.redirect("/admin/login?reset", HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            resetPage(ctx, token, e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void forgotPage(Context ctx, String email, boolean sent) {
        Responses.personal(ctx, templates.render("mail/forgot.jte", new ForgotView(
                chrome.apply("Forgot your password?").notIndexed(), email, sent, PasswordResets.LIFETIME.toMinutes())));
    }

    private void resetPage(Context ctx, String token, String error, HttpStatus status) {
        boolean usable = resets.valid(token);
        Responses.personal(ctx, templates.render("mail/reset.jte", new ResetView(chrome.apply("Choose a new password")
                .notIndexed(), usable ? token : "", usable ? error : PasswordResets.GONE, usable, Accounts.minPassword())));
        ctx.status(usable ? status : HttpStatus.GONE);
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    /** The model of the "Forgot your password?" page. */
    public record ForgotView(Page page, String email, boolean sent, long minutes) {}

    /** The model of the page a reset link opens. */
    public record ResetView(Page page, String token, String error, boolean usable, int minPassword) {}
}
