package dev.gazette.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.ServletException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: Javalin on Jetty, with the features' routes, security headers and the site's error pages. */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final String CSP_HEADER = "Content-Security-Policy";
    private static final String CSP = "default-src 'self'; img-src 'self' data:%s; style-src 'self'; script-src 'self';"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    // The two policies nearly every response gets are built once, not formatted on each request.
    private static final String STRICT_CSP = String.format(CSP, "");
    private static final String HTTPS_IMAGES_CSP = String.format(CSP, " https:");
    // The site uses none of these powers; a script slipped into a page gets none of them either. Only features
    // browsers know are named (an unknown one, such as the retired interest-cohort, is logged as an error).
    private static final String PERMISSIONS = "accelerometer=(), browsing-topics=(), camera=(), display-capture=(),"
            + " geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
    // A year, as browsers' preload lists expect; sent only over HTTPS, where it has meaning.
    private static final String HSTS = "max-age=31536000";
    // What a 503 asks clients and caches to wait before trying again: a database restart takes about this long.
    static final int RETRY_AFTER_SECONDS = 10;
    private static final Duration SHUTDOWN_IDLE = Duration.ofSeconds(5);

    private final Javalin app;

    /**
     * @param pages       the page cache, whose shared responses readers without cookies get before any route
     * @param errorPage   builds the error page's chrome (title, navigation) for a status; it must not need the
     *                    database, which may be what failed
     * @param unavailable tells a failure of the database (away, full, overwhelmed) from a fault: those are answered
     *                    503 with {@code Retry-After}
     * @param imageHosts  other hosts pages may load images from (none unless the site opted in to one)
     * @param observer    told of every answered request, by route
     */
    public WebServer(ServerSettings settings, List<Routes> routes, Templates templates, PageCache pages,
                     Function<String, Page> errorPage, Predicate<Throwable> unavailable,
                     Supplier<List<String>> imageHosts, RequestObserver observer) {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.concurrency.useVirtualThreads = settings.virtualThreads();
            config.http.maxRequestSize = 1_000_000;
            // On stop (SIGTERM): the connectors close at once, so no new request is taken; requests in flight get
            // their answers, for at most the drain timeout; then the server stops.
            config.jetty.modifyServer(server -> {
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(settings.drainTimeout().toMillis());
                // Once stopping, Jetty closes a connection idle this long: an idle keep-alive one (a balancer's) must
                // not hold the stop for the whole drain, and a reply still uploading must not get a 408 at the
                // first pause (Jetty's own 1 s).
                long idle = Math.min(settings.drainTimeout().toMillis(), SHUTDOWN_IDLE.toMillis());
                server.addEventListener(new LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStarting(LifeCycle event) {
                        for (Connector connector : server.getConnectors()) {
                            if (connector instanceof AbstractConnector c) c.setShutdownIdleTimeout(idle);
                        }
                    }
                });
            });
            config.requestLogger.http((ctx, ms) -> observer.answered(ctx.method().name(), route(ctx), ctx.statusCode(),
                    Math.round(ms * 1_000_000.0)));
            // Long search URLs get the site's own answer, not Jetty's bare 414.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(32 * 1024));
            List<ImmutableFiles> early = routes.stream().flatMap(r -> r.immutableFiles().stream()).toList();
            config.jetty.modifyServletContextHandler(context -> {
                // Inserted in this order: the files first (they never need the page cache's key), then the pages.
                if (!early.isEmpty()) context.insertHandler(new ImmutableFileHandler(early, settings.proxies(), imageHosts, observer));
                context.insertHandler(new SharedPageHandler(pages, settings.proxies(), observer));
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers.put("Cache-Control", "public, max-age=3600");
            });
            CrossSiteGuard crossSite = new CrossSiteGuard(settings.publicUrl(),
                    routes.stream().flatMap(r -> r.openPaths().stream()).toList());
            config.routes.before(ctx -> {
                ClientRequest client = settings.proxies().resolve(ctx);
                client.attachTo(ctx);
                securityHeaders(ctx, client, imageHosts.get());
            });
            config.routes.before(crossSite::check);
            // What answers a form belongs to whoever sent it; a page that is the same for all says so itself.
            config.routes.before(ctx -> {
                if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
                    Responses.personal(ctx);
                }
            });
            routes.forEach(r -> r.addTo(config.routes));
            // A kept page this request was to refresh, if it was not replaced, goes before the answer leaves.
            config.routes.after(pages::settle);
            config.routes.exception(BadRequest.class, (e, ctx) ->
                    error(ctx, templates, errorPage, 400, "That request could not be read", e.getMessage()));
            config.routes.exception(ForbiddenResponse.class, (e, ctx) ->
                    error(ctx, templates, errorPage, 403, "Not allowed", e.getMessage()));
            // What a client garbled is the client's to fix: a 4xx that says so, and no stack trace in the log.
            config.routes.exception(UnsupportedCharsetException.class, (e, ctx) ->
                    unreadableCharset(ctx, e, templates, errorPage));
            config.routes.exception(IllegalCharsetNameException.class, (e, ctx) ->
                    unreadableCharset(ctx, e, templates, errorPage));
            config.routes.exception(ServletException.class, (e, ctx) -> unreadableBody(ctx, e, templates, errorPage));
            config.routes.exception(BadMessageException.class, (e, ctx) -> unreadableBody(ctx, e, templates, errorPage));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (unavailable.test(e)) {
                    unavailable(ctx, e, templates, errorPage);
                } else {
                    serverError(ctx, e, templates, errorPage);
                }
            });
            // Unknown addresses and routes that throw NotFoundResponse both end here.
            config.routes.error(404, ctx -> notFound(ctx, templates, errorPage));
        });
    }

    private static void securityHeaders(Context ctx, ClientRequest client, List<String> imageHosts) {
        securityHeaders(client.secure(), imageHosts, ctx::header);
    }

    /** The headers every response gets, also those answered before Javalin ({@link ImmutableFileHandler}). */
    static void securityHeaders(boolean secure, List<String> imageHosts, BiConsumer<String, String> header) {
        header.accept(CSP_HEADER, csp(imageHosts));
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "strict-origin-when-cross-origin");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Permissions-Policy", PERMISSIONS);
        header.accept("Cross-Origin-Opener-Policy", "same-origin");
        if (secure) header.accept("Strict-Transport-Security", HSTS);
    }

    /** The route's template ("/articles/{slug}"), never the raw path, so that metrics stay few; "unmatched" for none. */
    static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().lastHttpEndpoint();
            if (endpoint != null) return endpoint.path;
        } catch (RuntimeException e) {
            // no endpoint matched
        }
        return ctx.path().startsWith("/static/") ? "/static/*" : "unmatched";
    }

    /** The database is away or full: a styled page that needs no database, and when to try again. */
    static void unavailable(Context ctx, Exception e, Templates templates, Function<String, Page> errorPage) {
        log.warn("Request {} {} answered 503: the database is unavailable ({})", ctx.method(), ctx.path(),
                rootMessage(e));
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        error(ctx, templates, errorPage, 503, "The site is unavailable for a moment",
                "It cannot reach its database just now. Nothing was lost: please try again in a minute.");
    }

    private static void serverError(Context ctx, Exception e, Templates templates, Function<String, Page> errorPage) {
        log.error("Request {} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, templates, errorPage, 500, "Something went wrong on our side",
                "The error has been logged. Please try again in a moment.");
    }

    /** A form declared in a character set Java does not know; anything else naming a charset is our own fault. */
    private static void unreadableCharset(Context ctx, IllegalArgumentException e, Templates templates,
                                          Function<String, Page> errorPage) {
        String declared = declaredCharset(ctx);
        if (declared.isEmpty() || isSupported(declared)) {
            serverError(ctx, e, templates, errorPage);
            return;
        }
        log.info("Request {} {} refused: unknown charset in its Content-Type", ctx.method(), ctx.path());
        String shown = declared.length() > 40 ? declared.substring(0, 40) + "…" : declared;
        error(ctx, templates, errorPage, 415, "That form could not be read",
                "It was sent in a character set this site does not know (“" + shown + "”). Send it again as UTF-8,"
                        + " as browsers do when the form is used from this site's pages.");
    }

    /** A body the server could not take apart (Jetty says so with a 4xx); anything else stays a 500. */
    private static void unreadableBody(Context ctx, Exception e, Templates templates, Function<String, Page> errorPage) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                log.info("Request {} {} refused: {} ({})", ctx.method(), ctx.path(), http.getCode(),
                        rootMessage(cause));
                int status = http.getCode();
                error(ctx, templates, errorPage, status, "That form could not be read", status == 413
                        ? "It is larger than this site accepts, so nothing was saved. Shorten it and send it again."
                        : "It arrived incomplete or garbled, so nothing was saved. Go back to the page, check your"
                                + " text, and send the form again.");
                return;
            }
        }
        serverError(ctx, e, templates, errorPage);
    }

    private static String declaredCharset(Context ctx) {
        // Read the raw header: Jetty's own Content-Type accessor throws on the very charset in question.
        String type = ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type");
        for (String part : type.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) return p.substring(8).replace("\"", "").strip();
        }
        return "";
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return root.getMessage();
    }

    /**
     * Lets this page load pictures from any https: address, as article bodies may hold (the article sanitizer keeps
     * no other outside source); other pages keep to this site, so injected markup there cannot reach out.
     */
    public static void allowHttpsImages(Context ctx) {
        ctx.header(CSP_HEADER, HTTPS_IMAGES_CSP);
    }

    private static String csp(List<String> imageSources) {
        return imageSources.isEmpty() ? STRICT_CSP : String.format(CSP, " " + String.join(" ", imageSources));
    }

    private static void notFound(Context ctx, Templates templates, Function<String, Page> errorPage) {
        error(ctx, templates, errorPage, 404, "Page not found",
                "There is nothing at this address. It may have moved, or the link may be mistyped.");
    }

    private static void error(Context ctx, Templates templates, Function<String, Page> errorPage, int status,
                              String heading, String message) {
        Page page;
        try {
            page = errorPage.apply(heading).notIndexed();
        } catch (RuntimeException e) {
            // The database may be what failed: show the page without navigation rather than no page.
            log.warn("Error page rendered without navigation", e);
            page = Page.of(new Site("Gazette", "", "", "en"), heading, message, ctx.path(), List.of()).notIndexed();
        }
        ctx.status(status).contentType("text/html; charset=utf-8")
                .result(templates.render("layout/error.jte", new ErrorView(page, status, heading, message)));
    }

    public WebServer start() {
        app.start();
        return this;
    }

    /** The port actually bound, which differs from the setting when that was 0. */
    public int port() {
        return app.port();
    }

    /** Stops taking requests and waits, at most the drain timeout, for those in flight to be answered. */
    @Override
    public void close() {
        try {
            app.stop();
        } catch (RuntimeException e) {
            log.warn("Requests were still running when the drain timeout ran out; the server stopped without them");
        }
    }
}
