package dev.gazette.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Rendered public pages and page parts, kept for a few seconds, each with the {@link SurrogateKeys} of the content
 * it was built from. A change purges those keys here and in the caches in front of the site (the same keys travel
 * in each shared response); the short lifetime bounds how stale a page can be when another node (on PostgreSQL)
 * made the change.
 */
public final class PageCache {
    private final Cache<String, Entry> entries;
    private final CachePolicy policy;
    // Counts purges, so a part built from data read before a purge is not kept after it.
    private final AtomicLong purges = new AtomicLong();
    private final LongAdder edgeHits = new LongAdder();

    public PageCache(Duration lifetime, long maxEntries, CachePolicy policy) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(maxEntries).build();
        this.policy = policy;
    }

    /** Serves the page for this request's path and query, the same for everyone, rendering and compressing it only when not cached. */
    public void serve(Context ctx, String contentType, SurrogateKeys keys, Supplier<String> render) {
        serve(ctx, contentType, () -> new Body(render.get(), keys));
    }

    /** The same, for a page whose keys are known once it is rendered (a list names the articles it shows). */
    public void serve(Context ctx, String contentType, Supplier<Body> render) {
        String key = "page:" + (ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString());
        Shared shared = part(key, Shared.class, Shared::keys, () -> {
            Body body = render.get();
            return new Shared(CachedPage.compressed(contentType, body.text()), body.keys());
        });
        sendShared(ctx, shared.page(), shared.keys());
    }

    /**
     * Sends a page that is the same for every reader, saying that caches on the way may keep it and what it shows;
     * the response is kept whole, so the next reader without cookies gets it before any route runs.
     */
    public void sendShared(Context ctx, CachedPage page, SurrogateKeys keys) {
        String names = keys.header();
        ctx.header("xkey", names);
        ctx.header("Surrogate-Key", names);
        Responses.send(ctx, page, policy.shared());
        SharedPageHandler.Asked asked = ctx.attribute(SharedPageHandler.ASKED);
        if (asked == null) return; // a request with cookies, or one the handler did not see
        List<SharedResponse.Header> headers = SharedResponse.headersOf(ctx.res());
        if (headers == null) return;
        String key = "response:" + asked.key();
        entries.put(key, new Entry(new SharedResponse(page, headers, WebServer.route(ctx)), keys));
        // As for parts: a purge since the request arrived may have come after the page's data was read.
        if (purges.get() != asked.purgesSeen()) entries.invalidate(key);
    }

    /** The response kept for this request key ({@link SharedPageHandler}), or null. */
    SharedResponse response(String key) {
        Entry cached = entries.getIfPresent("response:" + key);
        if (cached == null) return null;
        edgeHits.increment();
        return (SharedResponse) cached.value();
    }

    long purgesSoFar() {
        return purges.get();
    }

    /** How many requests were answered with a kept response before reaching the routes. */
    public long edgeHits() {
        return edgeHits.sum();
    }

    /**
     * A part of a page (an article's frame, a rendered thread), built only when not cached.
     *
     * @param keys the content the built part shows, so that purging any of it drops the part
     */
    public <T> T part(String key, Class<T> type, Function<? super T, SurrogateKeys> keys, Supplier<T> build) {
        String fullKey = type.getName() + ":" + key;
        Entry cached = entries.getIfPresent(fullKey);
        if (cached != null) return type.cast(cached.value());
        long seen = purges.get();
        // Built outside the cache's lock: parts are built from other cached parts, which a computing
        // map would refuse as a recursive update. Two requests may build the same part once each; both are right.
        T built = build.get();
        entries.put(fullKey, new Entry(built, keys.apply(built)));
        // A purge since the build began may have come after the data was read: the part may show the old content.
        if (purges.get() != seen) entries.invalidate(fullKey);
        return built;
    }

    /** Drops every page and part built from any of these keys. */
    public void purge(SurrogateKeys keys) {
        purges.incrementAndGet();
        if (keys.isEverything()) {
            entries.invalidateAll();
        } else {
            entries.asMap().values().removeIf(entry -> entry.keys().hitBy(keys));
        }
    }

    /** A rendered body and the keys of what it shows. */
    public record Body(String text, SurrogateKeys keys) {}

    private record Shared(CachedPage page, SurrogateKeys keys) {}

    private record Entry(Object value, SurrogateKeys keys) {}
}
