package dev.gazette.web;

import io.javalin.http.Context;

/** Who sent a request (the client's address) and whether it reached the site over HTTPS, as trusted proxies tell. */
public record ClientRequest(String address, boolean secure) {
    private static final String ATTRIBUTE = "gazette.client";

    /** The client of this request, as the server found it on arrival. */
    public static ClientRequest of(Context ctx) {
        ClientRequest client = ctx.attribute(ATTRIBUTE);
        // Every request passes the server's first handler; should one not have, believe no forwarding header.
        return client != null ? client : TrustedProxies.none().resolve(ctx);
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }
}
