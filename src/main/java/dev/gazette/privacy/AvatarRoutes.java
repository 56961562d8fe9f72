package dev.gazette.privacy;

import dev.gazette.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;

/** Serves the identicons; they never change for a key, so browsers may keep them. */
public final class AvatarRoutes implements Routes {
    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/avatars/{file}", ctx -> {
            String file = ctx.pathParam("file");
            String key = file.endsWith(".svg") ? file.substring(0, file.length() - 4) : "";
            if (!Avatars.isKey(key)) throw new NotFoundResponse();
            ctx.header("Cache-Control", "public, max-age=31536000, immutable");
            ctx.contentType("image/svg+xml").result(Avatars.svg(key));
        });
    }
}
