package dev.gazette.article;

import dev.gazette.web.NavLink;
import dev.gazette.web.Page;
import dev.gazette.web.PageCache;
import dev.gazette.web.SurrogateKeys;
import dev.gazette.web.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds the shared frame of every public page: the site's name and the navigation by section. */
public final class SiteChrome {
    private final Supplier<Site> site;
    private final Articles articles;
    private final PageCache cache;
    // The navigation last built, for pages that must not need the database (error pages, a reply not saved).
    private volatile List<NavLink> lastNav = links(List.of());
    private volatile Site lastSite;

    /**
     * @param site  who the site is now; its name may change in the newsroom while the site runs
     * @param cache keeps the navigation until the sections change ({@link Articles} then purges every page)
     */
    public SiteChrome(Supplier<Site> site, Articles articles, PageCache cache) {
        this.site = site;
        this.articles = articles;
        this.cache = cache;
    }

    public Site site() {
        return site.get();
    }

    public Page page(String title, String description, String path) {
        Nav nav = cache.part("nav", Nav.class, n -> SurrogateKeys.of(), () -> new Nav(links(articles.sections())));
        lastNav = nav.links();
        Site now = site.get();
        lastSite = now;
        return Page.of(now, title, description, path, nav.links());
    }

    /** A frame built without the database: the navigation as last shown. For error pages, which the database may cause. */
    public Page known(String title, String path) {
        Site known = lastSite;
        return Page.of(known != null ? known : site.get(), title, "", path, lastNav);
    }

    private static List<NavLink> links(List<Section> sections) {
        List<NavLink> links = new ArrayList<>();
        links.add(new NavLink("Latest", "/"));
        sections.stream().limit(6).forEach(s -> links.add(new NavLink(s.name(), "/sections/" + s.slug())));
        links.add(new NavLink("About", "/about"));
        return links;
    }

    private record Nav(List<NavLink> links) {}
}
