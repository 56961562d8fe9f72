package dev.gazette.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Rendered public pages and page parts, kept for a few seconds. A node drops everything when content changes
 * through it; the short lifetime bounds how stale a page can be when another node (on PostgreSQL) made the change.
 */
public final class PageCache {
    private final Cache<String, Object> entries;
    private final CachePolicy policy;

    public PageCache(Duration lifetime, long maxEntries, CachePolicy policy) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(maxEntries).build();
        this.policy = policy;
    }

    /** Serves the page for this request's path and query, the same for everyone, rendering it only when not cached. */
    public void serve(Context ctx, String contentType, Supplier<String> render) {
        String key = "page:" + (ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString());
        serve(ctx, key, contentType, render);
    }

    /** Serves a page kept under this key, the same for everyone, rendering and compressing it only when not cached. */
    public void serve(Context ctx, String key, String contentType, Supplier<String> render) {
        sendShared(ctx, part(key, CachedPage.class, () -> CachedPage.compressed(contentType, render.get())));
    }

    /** Sends a page that is the same for every reader, saying that caches on the way may keep it. */
    private void sendShared(Context ctx, CachedPage page) {
        Responses.send(ctx, page, policy.shared());
    }

    /** A part of a page (an article's frame, a rendered thread), built only when not cached. */
    public <T> T part(String key, Class<T> type, Supplier<T> build) {
        String fullKey = type.getName() + ":" + key;
        Object cached = entries.getIfPresent(fullKey);
        if (cached != null) return type.cast(cached);
        // Built outside the cache's lock: parts are built from other cached parts, which a computing
        // map would refuse as a recursive update. Two requests may build the same part once each; both are right.
        T built = build.get();
        entries.put(fullKey, built);
        return built;
    }

    public void clear() {
        entries.invalidateAll();
    }

    /** Drops the parts whose key contains the tag, such as everything cached for one article. */
    public void clearTagged(String tag) {
        entries.asMap().keySet().removeIf(key -> key.contains(tag));
    }
}
