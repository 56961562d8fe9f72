package dev.gazette.article;

import dev.gazette.web.SurrogateKeys;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The surrogate keys of public pages: the names each page gives the content it shows, and that a change purges.
 * An article page names its own article and its neighbours (it shows their titles); a list names its kind and every
 * article it shows (their titles and reply counts); feeds and the sitemap have their own. The site's frame (name,
 * navigation by section) is in every page, under the key every page has ({@code site}).
 */
public final class PageKeys {
    /** Every page: what a change to the site's frame purges. */
    public static final String SITE = SurrogateKeys.SITE;
    public static final String HOME = "home";
    /** Every feed of articles or replies. */
    public static final String FEEDS = "feeds";
    public static final String SITEMAP = "sitemap";
    /** What lists replies across the site (the replies feed). */
    public static final String REPLIES = "replies";

    private PageKeys() {}

    public static String article(long id) {
        return "article-" + id;
    }

    public static String section(String slug) {
        return "section-" + slug;
    }

    public static String tag(String slug) {
        return "tag-" + slug;
    }

    /**
     * The keys of an article kept on its own, for the replies' POSTs: the sitemap's, which every change to any article
     * purges ({@link #changed}) and a reply never does (it purges its article's page and the reply lists only).
     */
    static SurrogateKeys ofStory(Article article) {
        return SurrogateKeys.of(SITEMAP);
    }

    /** The keys of an article page: the story and the neighbours whose titles it links to. */
    static Set<String> ofPage(Article article, Optional<Article> older, Optional<Article> newer) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(article(article.id()));
        older.ifPresent(a -> keys.add(article(a.id())));
        newer.ifPresent(a -> keys.add(article(a.id())));
        return keys;
    }

    /** The keys of a list page: its kind and every article on it. */
    static Set<String> ofList(String kind, List<Article> shown) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(kind);
        shown.forEach(a -> keys.add(article(a.id())));
        return keys;
    }

    /**
     * What a change to one article makes stale: its page and the pages that show it, and every list it was or now
     * is on (a story that appears or moves is on no page of that list yet). A page that now has it as a neighbour
     * does not name it yet: the caller adds the new neighbours.
     */
    static Set<String> changed(Optional<Article> before, Optional<Article> after) {
        Set<String> keys = new LinkedHashSet<>(List.of(HOME, FEEDS, SITEMAP));
        for (Optional<Article> version : List.of(before, after)) {
            version.ifPresent(a -> {
                keys.add(article(a.id()));
                keys.add(section(a.section().slug()));
                a.tags().forEach(t -> keys.add(tag(t.slug())));
            });
        }
        return keys;
    }
}
