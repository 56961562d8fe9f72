package dev.gazette.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a state-changing request that another site's page started (OWASP's fetch-metadata defence). Browsers
 * say where a request came from in {@code Sec-Fetch-Site}; older ones send {@code Origin}, which must then be this
 * site. A request with neither comes from a program, not a page, and carries no reader's cookies by a browser's
 * doing, so it is let through. This is what lets the reply form work without a per-reader token in the page.
 */
public final class CrossSiteGuard {
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String REFUSED = "This form was sent from another site's page, so it was not accepted. Open"
            + " the page on this site and send it from there.";

    private final String publicOrigin;
    private final List<String> openPaths;

    /**
     * @param publicUrl the site's public address, whose origin is always this site
     * @param openPaths path prefixes that other sites' servers call on purpose (an API), left unchecked
     */
    public CrossSiteGuard(String publicUrl, List<String> openPaths) {
        this.publicOrigin = origin(publicUrl);
        this.openPaths = List.copyOf(openPaths);
    }

    void check(Context ctx) {
        if (!UNSAFE.contains(ctx.method().name()) || openPaths.stream().anyMatch(ctx.path()::startsWith)) return;
        if (!allowed(ctx.header("Sec-Fetch-Site"), ctx.header("Origin"), ctx.header("Host"))) {
            throw new ForbiddenResponse(REFUSED);
        }
    }

    boolean allowed(String fetchSite, String origin, String host) {
        if (fetchSite != null) {
            // "none": the person typed or bookmarked it. "same-site" is a sibling subdomain, another site here.
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        if (origin == null) return true;
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (o.equals(publicOrigin)) return true;
        // Behind no proxy, or one that keeps the Host header, the page's origin is this request's own host.
        return host != null && (o.equals("http://" + host.toLowerCase(Locale.ROOT))
                || o.equals("https://" + host.toLowerCase(Locale.ROOT)));
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
