package dev.gazette.ops;

import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * Liveness and readiness apart: {@code /livez} answers 200 while the process serves at all (restart it when not);
 * {@code /readyz}, and {@code /healthz} as before, answer 503 while the database or the disk fails (send readers
 * elsewhere, but do not restart: it recovers by itself).
 */
public final class HealthRoutes implements Routes {
    private final Readiness readiness;

    public HealthRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/livez", ctx -> plain(ctx, HttpStatus.OK, "live"));
        routes.get("/readyz", this::ready);
        routes.get("/healthz", this::ready);
    }

    private void ready(Context ctx) {
        List<String> problems = readiness.problems();
        if (problems.isEmpty()) {
            plain(ctx, HttpStatus.OK, "ok");
        } else {
            plain(ctx, HttpStatus.SERVICE_UNAVAILABLE, "not ready\n" + String.join("\n", problems));
        }
    }

    private static void plain(Context ctx, HttpStatus status, String text) {
        Responses.personal(ctx);
        ctx.status(status).contentType("text/plain; charset=utf-8").result(text + "\n");
    }
}
