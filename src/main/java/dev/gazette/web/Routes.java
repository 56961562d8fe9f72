package dev.gazette.web;

import io.javalin.config.RoutesConfig;

/** A feature's web routes; each feature package has one, and the composition root hands them to the server. */
public interface Routes {
    void addTo(RoutesConfig routes);
}
