package dev.gazette.web;

import io.javalin.config.RoutesConfig;
import java.util.List;

/** A feature's web routes; each feature package has one, and the composition root hands them to the server. */
public interface Routes {
    void addTo(RoutesConfig routes);

    /** Path prefixes that other sites' servers call on purpose (an API), so the cross-site check leaves them be. */
    default List<String> openPaths() {
        return List.of();
    }

    /** Content-hashed files this feature serves before routing (pictures); whatever they lack comes to the routes. */
    default List<ImmutableFiles> immutableFiles() {
        return List.of();
    }
}
