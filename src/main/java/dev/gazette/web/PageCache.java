package dev.gazette.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
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
 *
 * <p>A kept response past its lifetime, or hit by a purge, is not dropped at once: the next reader without cookies
 * goes to the routes for a fresh one while everyone else still gets the kept copy, as Varnish's grace does. Dropping
 * it would send every reader of a busy page to the routes at the same moment, each rendering and compressing the
 * same page again, which is what made the slowest responses hundreds of milliseconds under load.
 */
public final class PageCache {
    private final Cache<String, Entry> entries;
    private final Cache<String, Kept> responses;
    private final Ticker ticker;
    private final long lifetimeNanos;
    private final CachePolicy policy;
    // Counts purges, so a part built from data read before a purge is not kept after it.
    private final AtomicLong purges = new AtomicLong();
    private final LongAdder edgeHits = new LongAdder();

    public PageCache(Duration lifetime, long maxEntries, CachePolicy policy) {
        this(lifetime, maxEntries, policy, Ticker.systemTicker());
    }

    /** @param ticker tells the time in nanoseconds, for parts' and responses' lifetimes */
    PageCache(Duration lifetime, long maxEntries, CachePolicy policy, Ticker ticker) {
        this.entries = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(lifetime).maximumSize(maxEntries).build();
        // A stale response is kept one more lifetime, only to answer readers while one of them refreshes it.
        this.responses = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(lifetime.multipliedBy(2))
                .maximumSize(maxEntries).build();
        this.ticker = ticker;
        this.lifetimeNanos = lifetime.toNanos();
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
        keep(asked.key(), new SharedResponse(page, headers, WebServer.route(ctx)), keys, asked.purgesSeen());
    }

    /** Keeps a shared response under this request key, unless a purge came since {@code purgesSeen}. */
    void keep(String key, SharedResponse response, SurrogateKeys keys, long purgesSeen) {
        responses.put(key, new Kept(response, keys, ticker.read() + lifetimeNanos));
        // As for parts: a purge since the request arrived may have come after the page's data was read.
        if (purges.get() != purgesSeen) responses.invalidate(key);
    }

    /** The response kept for this request key ({@link SharedPageHandler}), fresh or stale, or null. */
    Kept kept(String key) {
        return responses.getIfPresent(key);
    }

    /**
     * Whether this request, rather than the kept copy, must answer: true for the one reader who refreshes a stale
     * copy, false for a fresh copy and for everyone else while the refresh is under way.
     *
     * @param mayRefresh whether this request can bring a fresh copy (a GET does; a HEAD has no body to keep)
     */
    boolean mustRefresh(Kept kept, boolean mayRefresh) {
        long now = ticker.read();
        if (!mayRefresh || now - kept.freshUntil < 0) return false;
        long claimed = kept.refreshing.get();
        // A refresh that never settled (its connection lost) is taken over after half a lifetime.
        return (claimed == 0 || now - claimed > lifetimeNanos / 2) && kept.refreshing.compareAndSet(claimed, now | 1);
    }

    /** Counts a request answered from a kept response. */
    void hit() {
        edgeHits.increment();
    }

    /**
     * The routes answered a request that was to refresh a stale copy: if they kept nothing in its place (the page
     * is gone, failed, or now personal), the stale copy goes too, so the next reader gets what the routes say.
     */
    void settle(SharedPageHandler.Asked asked) {
        if (asked.stale() != null) responses.asMap().remove(asked.key(), asked.stale());
    }

    /** The same, for a request that went through the routes (a no-op for any other). */
    public void settle(Context ctx) {
        SharedPageHandler.Asked asked = ctx.attribute(SharedPageHandler.ASKED);
        if (asked != null) settle(asked);
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
        long now = ticker.read();
        if (keys.isEverything()) {
            entries.invalidateAll();
            responses.asMap().values().forEach(kept -> kept.staleFrom(now));
        } else {
            entries.asMap().values().removeIf(entry -> entry.keys().hitBy(keys));
            responses.asMap().values().forEach(kept -> {
                if (kept.keys.hitBy(keys)) kept.staleFrom(now);
            });
        }
    }

    /** A rendered body and the keys of what it shows. */
    public record Body(String text, SurrogateKeys keys) {}

    private record Shared(CachedPage page, SurrogateKeys keys) {}

    private record Entry(Object value, SurrogateKeys keys) {}

    /** A kept response, fresh until a time (then served only while one reader refreshes it). */
    static final class Kept {
        private final SharedResponse response;
        private final SurrogateKeys keys;
        private volatile long freshUntil;
        // When a reader set out to refresh it (odd, so never 0), or 0 while none has.
        private final AtomicLong refreshing = new AtomicLong();

        Kept(SharedResponse response, SurrogateKeys keys, long freshUntil) {
            this.response = response;
            this.keys = keys;
            this.freshUntil = freshUntil;
        }

        SharedResponse response() {
            return response;
        }

        private void staleFrom(long now) {
            if (now - freshUntil < 0) freshUntil = now;
        }
    }
}
