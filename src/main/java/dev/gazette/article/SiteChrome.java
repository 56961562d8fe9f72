package dev.gazette.article;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.gazette.web.NavLink;
import dev.gazette.web.Page;
import dev.gazette.web.Site;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds the shared frame of every public page: the site's name and the navigation by section. */
public final class SiteChrome {
    private final Supplier<Site> site;
    // Sections change when an article is published, not per request: a few seconds stale is fine.
    private final LoadingCache<String, List<NavLink>> nav;

    /** @param site who the site is now; its name may change in the newsroom while the site runs */
    public SiteChrome(Supplier<Site> site, Articles articles) {
        this.site = site;
        this.nav = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(10))
                .build(key -> links(articles.sections()));
    }

    public Site site() {
        return site.get();
    }

    public Page page(String title, String description, String path) {
        return Page.of(site.get(), title, description, path, nav.get("nav"));
    }

    private static List<NavLink> links(List<Section> sections) {
        List<NavLink> links = new ArrayList<>();
        links.add(new NavLink("Latest", "/"));
        sections.stream().limit(6).forEach(s -> links.add(new NavLink(s.name(), "/sections/" + s.slug())));
        links.add(new NavLink("About", "/about"));
        return links;
    }
}
