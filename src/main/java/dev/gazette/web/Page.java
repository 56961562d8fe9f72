package dev.gazette.web;

import java.util.List;
import java.util.Optional;

/** What the shared layout needs of every page: titles, links for search engines, and the navigation. */
public record Page(
        Site site,
        String title,
        String description,
        String path,
        List<NavLink> nav,
        String ogType,
        Optional<String> jsonLd,
        List<FeedLink> feeds,
        boolean indexable,
        Optional<Image> image) {

    public Page {
        nav = List.copyOf(nav);
        feeds = List.copyOf(feeds);
    }

    /** A plain page: a website-type OpenGraph card, the site's feeds, open to search engines. */
    public static Page of(Site site, String title, String description, String path, List<NavLink> nav) {
        return new Page(site, title, description, path, nav, "website", Optional.empty(), FeedLink.site(), true,
                Optional.empty());
    }

    public Page withJsonLd(String json) {
        return new Page(site, title, description, path, nav, ogType, Optional.of(json), feeds, indexable, image);
    }

    public Page withOgType(String type) {
        return new Page(site, title, description, path, nav, type, jsonLd, feeds, indexable, image);
    }

    public Page withFeeds(List<FeedLink> more) {
        return new Page(site, title, description, path, nav, ogType, jsonLd, more, indexable, image);
    }

    public Page notIndexed() {
        return new Page(site, title, description, path, nav, ogType, jsonLd, feeds, false, image);
    }

    /** The page with the picture social networks show when it is shared. */
    public Page withImage(Image picture) {
        return new Page(site, title, description, path, nav, ogType, jsonLd, feeds, indexable, Optional.of(picture));
    }

    /** A picture for OpenGraph and Twitter cards: a site-local path, made absolute with the site's address. */
    public record Image(String path, int width, int height, String alt, String type) {}

    /** The absolute address of the page's card picture. */
    public String imageUrl() {
        return image.map(i -> site.url(i.path())).orElse("");
    }

    /** "Headline – Site", or just the site's name on the home page. */
    public String fullTitle() {
        return title.isEmpty() || title.equals(site.title()) ? site.title() : title + " – " + site.title();
    }

    public String canonicalUrl() {
        return site.url(path);
    }

    public boolean isCurrent(NavLink link) {
        return link.path().equals("/") ? path.equals("/") : path.startsWith(link.path());
    }

    /** An alternate feed a browser or reader can discover from the page's head. */
    public record FeedLink(String title, String type, String path) {
        static List<FeedLink> site() {
            return List.of(new FeedLink("RSS", "application/rss+xml", "/feed.xml"),
                    new FeedLink("Atom", "application/atom+xml", "/atom.xml"));
        }
    }
}
