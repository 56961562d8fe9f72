package dev.gazette.ops;

import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /metrics} for Prometheus, closed by default: open to a request bearing {@code metrics.token}, or made
 * straight (through no proxy) from an address {@code metrics.from} lists. A request that came through a proxy is
 * never taken for a scraper on the proxy's machine.
 */
public final class MetricsRoutes implements Routes {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;
    private final OpsSettings settings;

    public MetricsRoutes(Metrics metrics, OpsSettings settings) {
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", this::metrics);
    }

    private void metrics(Context ctx) {
        if (!allowed(ctx)) {
            throw new ForbiddenResponse("Metrics are open only to the addresses metrics.from lists, or with the"
                    + " token metrics.token sets (Authorization: Bearer TOKEN).");
        }
        Responses.personal(ctx);
        ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
    }

    private boolean allowed(Context ctx) {
        String token = settings.metricsToken();
        String authorization = ctx.header("Authorization");
        if (!token.isEmpty() && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                        authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        boolean proxied = ctx.header("Forwarded") != null || ctx.header("X-Forwarded-For") != null
                || ctx.header("X-Real-IP") != null;
        return !proxied && settings.metricsFrom().includes(ctx.req().getRemoteAddr());
    }
}
