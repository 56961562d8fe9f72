package dev.gazette.comment;

import dev.gazette.store.SiteSecret;
import dev.gazette.web.ClientRequest;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The three cookies a reader may get when they send a reply, and never before: the list of the reader's own recent
 * replies (signed, so nobody can claim another's), a signed mark that this browser wrote an approved reply under an
 * email (so typing someone's email proves nothing), and, only when asked for, the name, email and website to fill in
 * next time. All are SameSite=Lax, so another site's form never sends them. The privacy page lists them.
 */
public final class ReaderCookies {
    public static final String OWN = "gazette_replies";
    public static final String REMEMBER = "gazette_commenter";
    public static final String KNOWN = "gazette_author";
    public static final int KNOWN_DAYS = 365;
    private static final int OWN_MAX = 20;
    private static final int OWN_DAYS = 30;
    private static final int REMEMBER_DAYS = 365;

    private final SiteSecret secret;

    public ReaderCookies(SiteSecret secret) {
        this.secret = secret;
    }

    /** Ids of the reader's own recent replies, as proved by the signed cookie. */
    List<Long> own(Context ctx) {
        String raw = ctx.cookie(OWN);
        if (raw == null) return List.of();
        int dot = raw.lastIndexOf('.');
        if (dot < 1 || !secret.verify("own:" + raw.substring(0, dot), raw.substring(dot + 1))) return List.of();
        try {
            return Arrays.stream(raw.substring(0, dot).split("-")).map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    void addOwn(Context ctx, long id) {
        List<Long> ids = new ArrayList<>(own(ctx));
        ids.remove(id);
        ids.add(0, id);
        String payload = String.join("-", ids.stream().limit(OWN_MAX).map(String::valueOf).toList());
        ctx.cookie(cookie(ctx, OWN, payload + "." + secret.sign("own:" + payload), OWN_DAYS * 86400, SameSite.LAX));
    }

    /** True when this browser earlier wrote an approved reply under this (normalised) email. */
    boolean knownAs(Context ctx, String email) {
        String raw = ctx.cookie(KNOWN);
        return raw != null && secret.verify(known(email), raw);
    }

    /** Marks this browser as the author of an approved reply under this email, for a year from now. */
    void markKnown(Context ctx, String email) {
        ctx.cookie(cookie(ctx, KNOWN, secret.sign(known(email)), KNOWN_DAYS * 86400, SameSite.LAX));
    }

    // The cookie holds a signature of the email, never the email itself.
    private static String known(String email) {
        return "author:" + email;
    }

    /** Name, email and website saved at the reader's request, to fill the form with. */
    Optional<CommentForm> remembered(Context ctx) {
        String raw = ctx.cookie(REMEMBER);
        if (raw == null) return Optional.empty();
        String decoded;
        try {
            decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Not our encoding (edited by hand, or from another site on this domain): forget it rather than fail
            // every article page for this browser.
            ctx.cookie(cookie(ctx, REMEMBER, "", 0, SameSite.LAX));
            return Optional.empty();
        }
        String[] parts = decoded.split("\n", -1);
        if (parts.length != 3) return Optional.empty();
        return Optional.of(new CommentForm("", parts[0], parts[1], parts[2], Optional.empty(), true));
    }

    /** Saves the details when the box was ticked, and forgets them when it was not. */
    void remember(Context ctx, CommentForm form) {
        if (form.remember()) {
            String value = URLEncoder.encode(form.name() + "\n" + form.email() + "\n" + form.website(), StandardCharsets.UTF_8);
            ctx.cookie(cookie(ctx, REMEMBER, value, REMEMBER_DAYS * 86400, SameSite.LAX));
        } else if (ctx.cookie(REMEMBER) != null) {
            ctx.cookie(cookie(ctx, REMEMBER, "", 0, SameSite.LAX));
        }
    }

    private static Cookie cookie(Context ctx, String name, String value, int maxAge, SameSite sameSite) {
        boolean secure = ClientRequest.of(ctx).secure();
        return new Cookie(name, value, "/", maxAge, secure, true, null, sameSite);
    }
}
