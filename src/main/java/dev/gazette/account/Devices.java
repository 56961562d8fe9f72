package dev.gazette.account;

import dev.gazette.store.Hashes;
import dev.gazette.store.SiteSecret;
import dev.gazette.web.ClientRequest;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Base64;

/**
 * How the newsroom knows a browser again: a random value in a long-lived cookie, sent to newsroom pages only. The
 * database keeps a hash of it per account, so the value alone is in the browser and one browser's rows under two
 * accounts cannot be matched.
 */
public final class Devices {
    public static final String COOKIE = "gazette_device";
    /** Browsers keep a cookie at most 400 days; a browser unseen for longer is new again. */
    public static final Duration LIFETIME = Duration.ofDays(400);

    private Devices() {}

    /** This browser's value: the one its cookie holds, or a fresh one if it has none (or a malformed one). */
    static String token(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value != null && value.matches("[A-Za-z0-9_-]{43}")) return value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(SiteSecret.random(32));
    }

    /** Sets (or renews) the cookie after a good sign-in. */
    static void remember(Context ctx, String token) {
        ctx.cookie(new Cookie(COOKIE, token, "/admin", (int) LIFETIME.toSeconds(), ClientRequest.of(ctx).secure(), true,
                null, SameSite.LAX));
    }

    static String hash(long userId, String token) {
        return Hashes.sha256Hex(userId + " " + token);
    }

    /** The network an address belongs to, for a person to recognise: IPv4 /24, IPv6 /48. */
    static String network(String address) {
        if (address == null || address.isBlank()) return "an unknown network";
        if (address.contains(":")) {
            String[] groups = address.split(":", -1);
            if (groups.length < 3) return "an unknown network";
            return groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48";
        }
        int last = address.lastIndexOf('.');
        return last > 0 ? address.substring(0, last) + ".0/24" : "an unknown network";
    }
}
