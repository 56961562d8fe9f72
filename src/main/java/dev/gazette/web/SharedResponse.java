package dev.gazette.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A response the routes gave as the same for everyone: the page in its encodings, every header they set, and the
 * route template that made it (so the edge counts its answers under the route, as the routes' own are counted).
 */
record SharedResponse(CachedPage page, List<Header> headers, String route) {
    // Set per request by whoever sends the kept page, from the request's own Accept-Encoding and body length.
    private static final Set<String> PER_REQUEST = Set.of("content-type", "content-encoding", "content-length", "date");

    SharedResponse {
        headers = List.copyOf(headers);
    }

    /** The headers a route set on this response, to be sent again as they are; null when one sets a cookie. */
    static List<Header> headersOf(HttpServletResponse response) {
        List<Header> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("set-cookie")) return null;
            if (PER_REQUEST.contains(lower)) continue;
            for (String value : response.getHeaders(name)) headers.add(new Header(name, value));
        }
        return headers;
    }

    record Header(String name, String value) {}
}
