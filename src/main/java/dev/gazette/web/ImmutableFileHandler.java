package dev.gazette.web;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-hashed files (pictures) answered ahead of Javalin: routing, before-handlers and the servlet layer cost
 * several times what sending a kept buffer does. The headers are the ones the routes would send (the site's
 * security headers, nosniff, a year's immutable cache, the name as ETag); anything not found, not GET or HEAD, or
 * failing goes on to the routes, which answer it as before (the site's 404 page, a 503 while the store is away).
 */
final class ImmutableFileHandler extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(ImmutableFileHandler.class);
    private static final PreEncodedHttpField IMMUTABLE =
            new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, max-age=31536000, immutable");

    private final List<ImmutableFiles> sources;
    private final TrustedProxies proxies;
    private final Supplier<List<String>> imageHosts;
    private final RequestObserver observer;
    // The site's security headers, encoded once for the image hosts in force (they change only with the settings).
    private volatile SecurityFields security = new SecurityFields(null, List.of(), List.of());

    /** The security headers for one list of image hosts, encoded for plain and for secure requests. */
    private record SecurityFields(List<String> imageHosts, List<HttpField> plain, List<HttpField> secure) {
        static SecurityFields of(List<String> imageHosts) {
            return new SecurityFields(List.copyOf(imageHosts), encoded(false, imageHosts), encoded(true, imageHosts));
        }

        private static List<HttpField> encoded(boolean secure, List<String> imageHosts) {
            List<HttpField> fields = new ArrayList<>();
            WebServer.securityHeaders(secure, imageHosts, (name, value) -> fields.add(new PreEncodedHttpField(name, value)));
            return List.copyOf(fields);
        }
    }

    /** @param observer told of each answer given here, which Javalin's request log never sees */
    ImmutableFileHandler(List<ImmutableFiles> sources, TrustedProxies proxies, Supplier<List<String>> imageHosts,
                         RequestObserver observer) {
        this.sources = List.copyOf(sources);
        this.proxies = proxies;
        this.imageHosts = imageHosts;
        this.observer = observer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        boolean get = HttpMethod.GET.is(request.getMethod());
        if (!get && !HttpMethod.HEAD.is(request.getMethod())) return super.handle(request, response, callback);
        String path = request.getHttpURI().getPath();
        for (ImmutableFiles source : sources) {
            if (!path.startsWith(source.prefix())) continue;
            String name = path.substring(source.prefix().length());
            Optional<ImmutableFiles.File> file;
            try {
                file = source.find(name);
            } catch (RuntimeException e) {
                log.debug("{} not served early; the routes answer it", path, e);
                return super.handle(request, response, callback);
            }
            if (file.isEmpty()) return super.handle(request, response, callback);
            ByteBuffer body = prepare(request, response, get, "\"" + name + "\"", file.get());
            // Told before the bytes go, so whoever reads /metrics after this answer finds it counted.
            observer.answered(request.getMethod(), source.prefix() + "{name}", response.getStatus(), System.nanoTime() - start);
            response.write(true, body, callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** Sets the file's status and headers; returns the body to send, or null (a 304, a HEAD). */
    private ByteBuffer prepare(Request request, Response response, boolean get, String etag, ImmutableFiles.File file) {
        HttpFields.Mutable headers = response.getHeaders();
        boolean secure = proxies.resolve(Request.getRemoteAddr(request), request.isSecure(),
                name -> request.getHeaders().getValuesList(name)).secure();
        List<String> hosts = imageHosts.get();
        SecurityFields fields = security;
        if (!hosts.equals(fields.imageHosts())) {
            fields = SecurityFields.of(hosts);
            security = fields;
        }
        for (HttpField field : secure ? fields.secure() : fields.plain()) headers.put(field);
        headers.put(IMMUTABLE);
        headers.put(HttpHeader.ETAG, etag);
        if (Responses.matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            return null;
        }
        headers.put(HttpHeader.CONTENT_TYPE, file.contentType());
        headers.put(HttpHeader.CONTENT_LENGTH, file.bytes().remaining());
        response.setStatus(HttpStatus.OK_200);
        return get ? file.bytes().slice() : null;
    }
}
