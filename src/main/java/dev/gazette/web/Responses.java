package dev.gazette.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Sends bodies with a validator so browsers and caches can ask "has it changed?" and get a 304. */
public final class Responses {
    public static final String HTML = "text/html; charset=utf-8";
    /** For what belongs to one person (staff pages, a reader's own replies): no cache, shared or private, keeps it. */
    public static final String PERSONAL = "private, no-store";

    private Responses() {}

    /** Marks this response as one person's: whatever sends the body later keeps it out of every cache. */
    public static void personal(Context ctx) {
        ctx.header("Cache-Control", PERSONAL);
    }

    public static void html(Context ctx, String html) {
        send(ctx, CachedPage.of(HTML, html));
    }

    public static void send(Context ctx, String contentType, String body) {
        send(ctx, CachedPage.of(contentType, body));
    }

    public static void send(Context ctx, CachedPage page) {
        ctx.header("ETag", page.etag());
        revalidate(ctx);
        if (matches(ctx.header("If-None-Match"), page.etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(page.contentType());
        ctx.result(page.body());
    }

    /** Pages may be kept if asked about again each time; unless the route said the page is personal. */
    static void revalidate(Context ctx) {
        if (ctx.res().getHeader("Cache-Control") == null) ctx.header("Cache-Control", "no-cache");
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || ("W/" + c).equals(etag)) return true;
        }
        return false;
    }
}
