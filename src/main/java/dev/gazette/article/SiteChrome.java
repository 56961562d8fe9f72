package dev.gazette.article;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.gazette.web.NavLink;
import dev.gazette.web.Page;
import dev.gazette.web.Site;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the shared frame of every public page: the site's name and the navigation by section. */
public final class SiteChrome {
    private final Site site;
    // Sections change when an article is published, not per request: a few seconds stale is fine.
    private final LoadingCache<String, List<NavLink>> nav;

    public SiteChrome(Site site, Articles articles) {
        this.site = site;
        this.nav = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(10))
                .build(key -> links(articles.sections()));
    }

    public Site site() {
        return site;
    }

    public Page page(String title, String description, String path) {
        return Page.of(site, title, description, path, nav.get("nav"));
    }

    private static List<NavLink> links(List<Section> sections) {
        List<NavLink> links = new ArrayList<>();
        links.add(new NavLink("Latest", "/"));
        sections.stream().limit(6).forEach(s -> links.add(new NavLink(s.name(), "/sections/" + s.slug())));
        links.add(new NavLink("About", "/about"));
        return links;
    }
}
