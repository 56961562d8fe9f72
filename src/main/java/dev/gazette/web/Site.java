package dev.gazette.web;

/** Who the site is: its name, its one-line description, its public address and its language. */
public record Site(String title, String description, String baseUrl, String language) {
    public Site {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The absolute URL of a path on this site, for canonical links, feeds and the sitemap. */
    public String url(String path) {
        return baseUrl + path;
    }
}
