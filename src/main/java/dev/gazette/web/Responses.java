package dev.gazette.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Sends bodies with a validator so browsers and caches can ask "has it changed?" and get a 304. */
public final class Responses {
    public static final String HTML = "text/html; charset=utf-8";

    private Responses() {}

    public static void html(Context ctx, String html) {
        send(ctx, CachedPage.of(HTML, html));
    }

    public static void send(Context ctx, String contentType, String body) {
        send(ctx, CachedPage.of(contentType, body));
    }

    public static void send(Context ctx, CachedPage page) {
        ctx.header("ETag", page.etag());
        ctx.header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), page.etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(page.contentType());
        ctx.result(page.body());
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
