package dev.gazette.web;

import java.net.URI;
import java.util.List;

/**
 * What a shared cache (Varnish, a CDN) may do with a page that is the same for every reader, and where those caches
 * are told that a page changed. Browsers keep nothing without asking again ({@code max-age=0}): a reader who has
 * just replied must not be shown their browser's copy from before; the edge keeps it and is purged when the page
 * changes.
 *
 * @param sharedSeconds        how long a shared cache may serve a page without asking ({@code s-maxage})
 * @param staleWhileRevalidate how long after that it may serve the old page while fetching the new one
 * @param staleIfError         how long it may serve the old page while this site is down or failing
 * @param purgeUrls            the caches to send purges to ({@link EdgePurger}); none when no cache is in front
 */
public record CachePolicy(int sharedSeconds, int staleWhileRevalidate, int staleIfError, List<URI> purgeUrls) {
    /** For anything that belongs to one reader or one staff member: no cache anywhere may keep it. */
    public static final String PERSONAL = "private, no-store";

    public CachePolicy {
        if (sharedSeconds < 0 || staleWhileRevalidate < 0 || staleIfError < 0) {
            throw new IllegalArgumentException("cache lifetimes cannot be negative");
        }
        purgeUrls = List.copyOf(purgeUrls);
    }

    public static CachePolicy defaults() {
        return new CachePolicy(60, 30, 86_400, List.of());
    }

    public CachePolicy withPurgeUrls(List<URI> urls) {
        return new CachePolicy(sharedSeconds, staleWhileRevalidate, staleIfError, urls);
    }

    /** The Cache-Control header of a shared page. */
    public String shared() {
        return "public, max-age=0, s-maxage=" + sharedSeconds + ", stale-while-revalidate=" + staleWhileRevalidate
                + ", stale-if-error=" + staleIfError;
    }
}
