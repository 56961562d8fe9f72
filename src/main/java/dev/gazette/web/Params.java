package dev.gazette.web;

import io.javalin.http.Context;

/** Reads query parameters strictly, turning bad values into a clear 400 rather than a 500. */
public final class Params {
    private static final int MAX_PAGE = 100_000;

    private Params() {}

    /** The 1-based {@code page} parameter; 1 when absent. */
    public static int page(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw == null || raw.isEmpty()) return 1;
        try {
            int page = Integer.parseInt(raw);
            if (page >= 1 && page <= MAX_PAGE) return page;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new BadRequest("The page number must be a whole number from 1 to " + MAX_PAGE + ".");
    }
}
