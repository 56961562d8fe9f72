package dev.gazette.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Rendered public pages, kept for a few seconds. A node drops everything when content changes through it;
 * the short lifetime bounds how stale a page can be when another node (on PostgreSQL) made the change.
 */
public final class PageCache {
    private final Cache<String, CachedPage> pages;

    public PageCache(Duration lifetime, long maxPages) {
        this.pages = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(maxPages).build();
    }

    /** Serves the page for this request's path and query, rendering it only when not cached. */
    public void serve(Context ctx, String contentType, Supplier<String> render) {
        String key = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        Responses.send(ctx, pages.get(key, k -> CachedPage.of(contentType, render.get())));
    }

    public void clear() {
        pages.invalidateAll();
    }
}
