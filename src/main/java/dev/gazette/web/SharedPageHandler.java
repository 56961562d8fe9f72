package dev.gazette.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The edge inside the process: a reader without cookies asking for a page that the routes already sent as the same
 * for everyone gets that response again at once, before routing, filters and the servlet layer, which cost more
 * than the page itself. Whatever the routes would decide from cookies never applies to such a reader. When a change
 * purges its keys, or after the page cache's few seconds, the next such reader gets a fresh response from the routes
 * while the others keep getting the kept one until it is replaced ({@link PageCache}).
 */
final class SharedPageHandler extends Handler.Wrapper {
    /** The request attribute that tells {@link PageCache#sendShared} to keep the response, and under which key. */
    static final String ASKED = "gazette.shared-page";

    private final PageCache cache;
    private final TrustedProxies proxies;
    private final RequestObserver observer;

    /** @param observer told of each answer given here, which Javalin's request log never sees */
    SharedPageHandler(PageCache cache, TrustedProxies proxies, RequestObserver observer) {
        this.cache = cache;
        this.proxies = proxies;
        this.observer = observer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        boolean get = HttpMethod.GET.is(request.getMethod());
        if (!get && !HttpMethod.HEAD.is(request.getMethod()) || request.getHeaders().contains(HttpHeader.COOKIE)) {
            return super.handle(request, response, callback);
        }
        // HSTS goes only to readers who came over HTTPS, so the two are kept apart.
        boolean secure = proxies.resolve(Request.getRemoteAddr(request), request.isSecure(),
                name -> request.getHeaders().getValuesList(name)).secure();
        String key = (secure ? "https " : "http ") + request.getHttpURI().getPathQuery();
        PageCache.Kept kept = cache.kept(key);
        if (kept != null && !cache.mustRefresh(kept, get)) {
            cache.hit();
            ByteBuffer body = prepare(kept.response(), request, response, get);
            // Told before the bytes go, so whoever reads /metrics after this answer finds it counted.
            observer.answered(request.getMethod(), kept.response().route(), response.getStatus(), System.nanoTime() - start);
            response.write(true, body, callback);
            return true;
        }
        if (!get) return super.handle(request, response, callback);
        Asked asked = new Asked(key, cache.purgesSoFar(), kept);
        request.setAttribute(ASKED, asked);
        if (kept == null) return super.handle(request, response, callback);
        // The routes settle it before they answer; this is for a request that never reached them.
        boolean handled = super.handle(request, response, Callback.from(callback, () -> cache.settle(asked)));
        if (!handled) cache.settle(asked);
        return handled;
    }

    /** Sets the kept response's status and headers; returns the body to send, or null (a 304, a HEAD). */
    private static ByteBuffer prepare(SharedResponse kept, Request request, Response response, boolean get) {
        HttpFields.Mutable headers = response.getHeaders();
        for (SharedResponse.Header h : kept.headers()) headers.add(h.name(), h.value());
        CachedPage page = kept.page();
        if (Responses.matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), page.etag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            return null;
        }
        CachedPage.Encoded encoded = page.encodedFor(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        headers.put(HttpHeader.CONTENT_TYPE, page.contentType());
        if (encoded.coding() != null) headers.put(new HttpField(HttpHeader.CONTENT_ENCODING, encoded.coding()));
        headers.put(HttpHeader.CONTENT_LENGTH, encoded.bytes().length);
        response.setStatus(HttpStatus.OK_200);
        return get ? ByteBuffer.wrap(encoded.bytes()) : null;
    }

    /**
     * A request the routes will answer, whose response may be kept under this key if it turns out shared.
     *
     * @param stale the kept response this request refreshes, or null when none was kept
     */
    record Asked(String key, long purgesSeen, PageCache.Kept stale) {}
}
