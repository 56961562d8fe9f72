package dev.gazette.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: Javalin on Jetty, with the features' routes, security headers and the site's error pages. */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final String CSP = "default-src 'self'; img-src 'self' data:%s; style-src 'self'; script-src 'self';"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final Javalin app;

    /**
     * @param errorPage  builds the error page's chrome (title, navigation) for a status
     * @param healthy    what {@code /healthz} reports
     * @param imageHosts other hosts pages may load images from (none unless the site opted in to one)
     */
    public WebServer(ServerSettings settings, List<Routes> routes, Templates templates,
                     Function<String, Page> errorPage, BooleanSupplier healthy, Supplier<List<String>> imageHosts) {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.concurrency.useVirtualThreads = settings.virtualThreads();
            config.http.maxRequestSize = 1_000_000;
            // Long search URLs get the site's own answer, not Jetty's bare 414.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(32 * 1024));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers.put("Cache-Control", "public, max-age=3600");
            });
            CrossSiteGuard crossSite = new CrossSiteGuard(settings.publicUrl(),
                    routes.stream().flatMap(r -> r.openPaths().stream()).toList());
            config.routes.before(ctx -> securityHeaders(ctx, imageHosts.get()));
            config.routes.before(crossSite::check);
            // What answers a form belongs to whoever sent it; a page that is the same for all says so itself.
            config.routes.before(ctx -> {
                if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
                    ctx.header("Cache-Control", CachePolicy.PERSONAL);
                }
            });
            config.routes.get("/healthz", ctx -> {
                boolean ok = healthy.getAsBoolean();
                ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).result(ok ? "ok" : "database unavailable");
            });
            routes.forEach(r -> r.addTo(config.routes));
            config.routes.exception(BadRequest.class, (e, ctx) ->
                    error(ctx, templates, errorPage, 400, "That request could not be read", e.getMessage()));
            config.routes.exception(ForbiddenResponse.class, (e, ctx) ->
                    error(ctx, templates, errorPage, 403, "Not allowed", e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("Request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, templates, errorPage, 500, "Something went wrong on our side",
                        "The error has been logged. Please try again in a moment.");
            });
            // Unknown addresses and routes that throw NotFoundResponse both end here.
            config.routes.error(404, ctx -> notFound(ctx, templates, errorPage));
        });
    }

    private static void securityHeaders(Context ctx, List<String> imageHosts) {
        ctx.header("Content-Security-Policy", String.format(CSP,
                imageHosts.isEmpty() ? "" : " " + String.join(" ", imageHosts)));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
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
                .result(templates.render("error.jte", new ErrorView(page, status, heading, message)));
    }

    public WebServer start() {
        app.start();
        return this;
    }

    /** The port actually bound, which differs from the setting when that was 0. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
