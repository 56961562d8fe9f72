package dev.gazette.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTML page encoded once, cut at its placeholders for per-reader values (form tokens). Sending it copies the
 * bytes once with the values in place; the validator belongs to the page without the values, so a reader's
 * browser still gets "not modified" when only the tokens would differ.
 */
public final class PreparedPage {
    private final List<byte[]> segments;
    private final List<String> slots;
    private final String etag;

    private PreparedPage(List<byte[]> segments, List<String> slots, String etag) {
        this.segments = segments;
        this.slots = slots;
        this.etag = etag;
    }

    /**
     * @param placeholders the placeholders the HTML may hold, each any number of times
     * @param digest       the digest of the HTML, if already known from its cached parts; empty to compute it
     */
    public static PreparedPage of(String html, Iterable<String> placeholders, String digest) {
        List<byte[]> segments = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        int from = 0;
        while (true) {
            int next = -1;
            String found = null;
            for (String p : placeholders) {
                int at = html.indexOf(p, from);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                    found = p;
                }
            }
            if (found == null) break;
            segments.add(html.substring(from, next).getBytes(StandardCharsets.UTF_8));
            slots.add(found);
            from = next + found.length();
        }
        segments.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        return new PreparedPage(List.copyOf(segments), List.copyOf(slots),
                CachedPage.etag(digest.isEmpty() ? CachedPage.digest(html) : digest));
    }

    public void send(Context ctx, Map<String, String> values) {
        ctx.header("ETag", etag);
        Responses.revalidate(ctx);
        if (Responses.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        byte[][] fills = new byte[slots.size()][];
        int length = 0;
        for (int i = 0; i < slots.size(); i++) {
            fills[i] = values.getOrDefault(slots.get(i), "").getBytes(StandardCharsets.UTF_8);
            length += fills[i].length;
        }
        for (byte[] segment : segments) length += segment.length;
        byte[] body = new byte[length];
        int at = 0;
        for (int i = 0; i < segments.size(); i++) {
            System.arraycopy(segments.get(i), 0, body, at, segments.get(i).length);
            at += segments.get(i).length;
            if (i < fills.length) {
                System.arraycopy(fills[i], 0, body, at, fills[i].length);
                at += fills[i].length;
            }
        }
        ctx.contentType(Responses.HTML);
        ctx.result(body);
    }
}
