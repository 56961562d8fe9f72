package dev.gazette.account;

import dev.gazette.store.SiteSecret;
import dev.gazette.web.ClientRequest;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Proof that a sign-in form was filled in on this site's own page, in this browser: against login CSRF, where
 * another site signs a staff member into an account it chose. Nobody is signed in yet, so there is no session to tie
 * a token to: the browser gets a random value in a cookie only the sign-in address sees, and the form carries that
 * value's signature with the time it was shown. A token copied from an attacker's own visit and sent from another
 * site's page with a planted cookie is stopped before this, by {@code web.CrossSiteGuard} (Sec-Fetch-Site, Origin).
 */
public final class SignInForms {
    public static final String COOKIE = "gazette_signin";
    static final String FIELD = "signin";
    /** How long a shown form may be sent: a person takes minutes, not days. */
    static final Duration LIFETIME = Duration.ofHours(2);
    private static final String PATH = "/admin/login";

    private final SiteSecret secret;
    private final Clock clock;

    public SignInForms(SiteSecret secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /** The value of the form's hidden field; gives the browser its cookie if it has none yet. */
    String issue(Context ctx) {
        String nonce = ctx.cookie(COOKIE);
        if (nonce == null || nonce.length() != 32) {
            nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(SiteSecret.random(24));
            ctx.cookie(new Cookie(COOKIE, nonce, PATH, -1, ClientRequest.of(ctx).secure(), true, null, SameSite.STRICT));
        }
        long shown = clock.instant().getEpochSecond();
        return shown + "." + secret.sign(text(nonce, shown));
    }

    /** Whether this request sends a form this site showed this browser, recently enough. */
    boolean accepts(Context ctx) {
        String nonce = ctx.cookie(COOKIE);
        String field = ctx.formParam(FIELD);
        if (nonce == null || field == null) return false;
        int dot = field.indexOf('.');
        long shown;
        try {
            shown = Long.parseLong(field.substring(0, Math.max(0, dot)));
        } catch (NumberFormatException e) {
            return false;
        }
        long age = clock.instant().getEpochSecond() - shown;
        if (age < -60 || age > LIFETIME.toSeconds()) return false; // a minute's grace for nodes' clocks
        return secret.verify(text(nonce, shown), field.substring(dot + 1));
    }

    private static String text(String nonce, long shown) {
        return "signin-form:" + nonce + ":" + shown;
    }
}
