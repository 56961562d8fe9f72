vcl 4.1;
# Varnish (7.1, Debian's varnish + varnish-modules) in front of Gazette.
#
# Gazette decides what may be shared: an anonymous page answers
#   Cache-Control: public, max-age=0, s-maxage=N, stale-while-revalidate=N, stale-if-error=N
#   xkey: site article-42 home ...        (the content it shows; Surrogate-Key carries the same for CDNs)
# and anything personal (a reader's own pending reply, staff pages, answers to forms) answers
# "private, no-store". When content changes, Gazette sends, to every URL in its `cache.purge-urls` setting,
#   PURGE / HTTP/1.1
#   xkey-purge: article-42 home feeds
# and this file drops every object that carries one of those keys. `site` is on every object: purging it
# drops everything (settings changed).
#
# Check it with `varnishd -C -f gazette.vcl`; run it with the settings of varnish.service.d/gazette.conf beside
# it (docs/operations.md, "Varnish in front"), and set cache.purge-urls=http://127.0.0.1:6081 in Gazette.

import std;
import xkey;

# Where Gazette listens. Change host and port to your `host` and `port` settings.
backend gazette {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    # While /healthz fails (the database is down), readers get the last good page (stale-if-error).
    .probe = {
        .url = "/healthz";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may purge: Gazette's own nodes. Add their addresses when they run on other hosts.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Said by this file alone: a reader cannot make a pass look like a hit, or ask Gazette for Brotli unasked.
    unset req.http.X-Cache;
    unset req.http.X-Gazette-Br;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed to purge"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the keys to purge in the xkey-purge header"));
        }
        set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.X-Purged));
    }

    # Only reads are shared. Replies, sign-ins and edits go straight to Gazette.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The newsroom and search results are never kept.
    if (req.url ~ "^/admin" || req.url ~ "^/search") {
        return (pass);
    }
    # A reader with replies of their own, saved details or a published-author mark, and signed-in staff, get
    # their own page from Gazette. These are Gazette's cookies (see the privacy page); keep in step with
    # comment/ReaderCookies and account/Sessions.
    if (req.http.Cookie ~ "(^|;\s*)(gazette_replies|gazette_commenter|gazette_author|gazette_staff)=") {
        return (pass);
    }
    # Any other cookie (analytics, consent banners) means nothing to Gazette: drop it so the page is shared.
    unset req.http.Cookie;

    # Healthy site: serve a page at most stale-while-revalidate (30 s, `cache.stale-while-revalidate`) past
    # its lifetime while a fresh one is fetched. Sick site: up to the object's whole grace (stale-if-error).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }

    # Gazette compresses each shared page once, in Brotli and gzip. Varnish 7 knows only gzip: right after this
    # sub it rewrites Accept-Encoding to "gzip" or nothing (http_gzip_support), so a browser's "br" would be lost
    # and Brotli readers would get the larger gzip copy. Note it here; vcl_hash keeps a Brotli copy apart and
    # vcl_backend_fetch asks Gazette for it. "br;q=0" is a refusal.
    if (req.http.Accept-Encoding ~ "(?i)(^|,)\s*br\s*(,|$|;\s*q=(1|0?\.\d*[1-9]))") {
        set req.http.X-Gazette-Br = "1";
    }
    return (hash);
}

sub vcl_hash {
    # Then on to the built-in vcl_hash (address and host).
    if (req.http.X-Gazette-Br) {
        hash_data("br");
    }
}

sub vcl_backend_fetch {
    # Gazette answers "br, gzip" with its Brotli bytes, or with gzip where Brotli is not available (Varnish then
    # serves or unzips that copy as it does any gzip one).
    if (bereq.http.X-Gazette-Br) {
        set bereq.http.Accept-Encoding = "br, gzip";
        unset bereq.http.X-Gazette-Br;
    }
}

sub vcl_hit {
    set req.http.X-Cache = "HIT";
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_response {
    # Never keep what belongs to one person, what sets a cookie, or what Gazette did not name as shared
    # (error pages, redirects): without keys, no purge could reach it. Static files and avatars, which
    # never change under their address, are the exception.
    if (beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
            || beresp.http.Set-Cookie
            || (!beresp.http.xkey && bereq.url !~ "^/(static|avatars)/")) {
        # Remember for a while that this address is not shared, so requests for it do not queue behind
        # each other (hit-for-miss: a later shared answer is still stored).
        set beresp.uncacheable = true;
        set beresp.ttl = 30s;
        return (deliver);
    }
    # s-maxage sets the lifetime (Varnish reads it itself). The object is then kept for as long as it may
    # be served stale at all: stale-while-revalidate while the site is healthy (see vcl_recv),
    # stale-if-error while it fails.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control,
                "^.*stale-if-error=([0-9]+).*$", "\1") + "s", 0s);
    } elsif (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control,
                "^.*stale-while-revalidate=([0-9]+).*$", "\1") + "s", 0s);
    }
    # A background refresh that fails keeps the stale page rather than replace it with an error.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    return (deliver);
}

sub vcl_deliver {
    set resp.http.X-Cache = req.http.X-Cache;
    # The keys are for this cache; readers need not see them. Surrogate-Key is left for a CDN in front.
    unset resp.http.xkey;
}
