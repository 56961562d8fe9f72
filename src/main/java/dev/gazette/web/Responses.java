package dev.gazette.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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

    /**
     * Sends a page whose few per-reader values (form tokens) are filled in last: the validator is computed before,
     * so the page still answers "not modified" while only those values would differ.
     *
     * @param fills placeholder → value; placeholders are plain ASCII that escaping leaves alone
     */
    public static void personalized(Context ctx, String html, Map<String, String> fills) {
        personalized(ctx, html, CachedPage.digest(html), fills);
    }

    /** The same, with the digest of the unfilled page already known (its parts were cached with theirs). */
    public static void personalized(Context ctx, String html, String digest, Map<String, String> fills) {
        String filled = html;
        for (Map.Entry<String, String> fill : fills.entrySet()) {
            filled = filled.replace(fill.getKey(), fill.getValue());
        }
        send(ctx, new CachedPage(HTML, filled.getBytes(StandardCharsets.UTF_8), CachedPage.etag(digest)));
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

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || ("W/" + c).equals(etag)) return true;
        }
        return false;
    }
}
