package dev.gazette.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Sends bodies with a validator so browsers and caches can ask "has it changed?" and get a 304, in the encoding the
 * browser asked for when the page was kept compressed.
 */
public final class Responses {
    public static final String HTML = "text/html; charset=utf-8";

    private Responses() {}

    /** Marks this response as one person's: whatever sends the body later keeps it out of every cache. */
    public static void personal(Context ctx) {
        ctx.header("Cache-Control", CachePolicy.PERSONAL);
    }

    public static void html(Context ctx, String html) {
        send(ctx, CachedPage.of(HTML, html));
    }

    /** An HTML page for one reader or staff member, which no cache may keep. */
    public static void personal(Context ctx, String html) {
        sendPersonal(ctx, CachedPage.of(HTML, html));
    }

    public static void send(Context ctx, String contentType, String body) {
        send(ctx, CachedPage.of(contentType, body));
    }

    /**
     * Sends a page that a browser may keep but must check again before showing, and no shared cache keeps; or, when
     * the route marked the response {@link #personal(Context) personal}, one that nobody keeps.
     */
    public static void send(Context ctx, CachedPage page) {
        if (CachePolicy.PERSONAL.equals(ctx.res().getHeader("Cache-Control"))) {
            sendPersonal(ctx, page);
        } else {
            send(ctx, page, "private, no-cache");
        }
    }

    /**
     * Sends what belongs to one reader or staff member: no cache, not even the browser's, keeps it, so it carries no
     * validator (and a route may still set its status after sending).
     */
    public static void sendPersonal(Context ctx, CachedPage page) {
        ctx.header("Cache-Control", CachePolicy.PERSONAL);
        ctx.contentType(page.contentType());
        ctx.result(page.body());
    }

    static void send(Context ctx, CachedPage page, String cacheControl) {
        ctx.header("ETag", page.etag());
        ctx.header("Cache-Control", cacheControl);
        if (page.isCompressed()) ctx.header("Vary", "Accept-Encoding");
        if (matches(ctx.header("If-None-Match"), page.etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(page.contentType());
        CachedPage.Encoded encoded = page.encodedFor(ctx.header("Accept-Encoding"));
        // Setting Content-Encoding first tells Javalin the bytes are already compressed.
        if (encoded.coding() != null) ctx.header("Content-Encoding", encoded.coding());
        ctx.result(encoded.bytes());
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || opaque(c).equals(opaque(etag))) return true;
        }
        return false;
    }

    /** RFC 9110's weak comparison, which If-None-Match uses: "W/" on either side does not matter. */
    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
