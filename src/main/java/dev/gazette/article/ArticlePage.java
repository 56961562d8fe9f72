package dev.gazette.article;

import dev.gazette.web.Page;
import dev.gazette.web.CachedPage;
import dev.gazette.web.WebServer;
import dev.gazette.web.Responses;
import io.javalin.http.Context;
import dev.gazette.web.PageCache;
import dev.gazette.web.Templates;
import dev.gazette.web.SurrogateKeys;
import java.util.List;
import java.util.Optional;
import io.javalin.http.NotFoundResponse;

/**
 * An article page: the story, its metadata and its neighbours, rendered once and cached as a frame, with the
 * section below (the replies and their form) put in: the same for most readers, a reader's own for some.
 */
public final class ArticlePage {
    // A comment that cannot occur in escaped output marks where the per-request section goes.
    static final String SLOT = "<!--gazette:below-article-->";

    private final Articles articles;
    private final SiteChrome chrome;
    private final Templates templates;
    private final PageCache cache;
    private final Pictures pictures;

    public ArticlePage(Articles articles, SiteChrome chrome, Templates templates, PageCache cache) {
        this(articles, chrome, templates, cache, Pictures.NONE);
    }

    /** @param pictures where the lead picture's sizes and credit come from */
    public ArticlePage(Articles articles, SiteChrome chrome, Templates templates, PageCache cache, Pictures pictures) {
        this.pictures = pictures;
        this.articles = articles;
        this.chrome = chrome;
        this.templates = templates;
        this.cache = cache;
    }

    /** The public article with this slug and its rendered frame; 404 when there is none. */
    /**
     * The public article at this slug, without building its page: what a reply's POST needs. Its page is built only
     * when the form has to be shown again; each published reply drops the kept page (its key names the article), so
     * building it for every POST would render the whole story once per reply. The article itself is kept.
     */
    public Article article(String slug) {
        // Kept apart from the page, under keys a reply does not purge: replies to a busy story come one after another,
        // and each would otherwise read the story and its tags again. Any change to an article drops it.
        return cache.part("story:" + slug, Article.class, PageKeys::ofStory, () -> {
            if (!Slugs.isSlug(slug)) throw new NotFoundResponse();
            return articles.published(slug).orElseThrow(NotFoundResponse::new);
        });
    }

    public Framed find(String slug) {
        // Checked only when not cached: a cached page's slug was checked when it was built.
        return cache.part("article:" + slug, Framed.class, Framed::keys, () -> {
            if (!Slugs.isSlug(slug)) throw new NotFoundResponse();
            Article article = articles.published(slug).orElseThrow(NotFoundResponse::new);
            Optional<Article> older = articles.older(article);
            Optional<Article> newer = articles.newer(article);
            Optional<Picture> lead = article.leadImage().flatMap(pictures::find);
            Page page = chrome.page(article.title(), article.summary(), "/articles/" + article.slug())
                    .withOgType("article")
                    .withJsonLd(NewsArticleJsonLd.of(article, chrome.site(), lead))
                    .withFeeds(List.of(
                            new Page.FeedLink("RSS", "application/rss+xml", "/feed.xml"),
                            new Page.FeedLink("Replies to this story (RSS)", "application/rss+xml",
                                    "/articles/" + article.slug() + "/comments/feed.xml")));
            if (lead.isPresent()) {
                Picture p = lead.get();
                page = page.withImage(new Page.Image(p.largest(), p.largestWidth(), p.largestHeight(), p.alt(),
                        p.contentType()));
            }
            String html = templates.render("article/article.jte",
                    new ArticleView(page, article, older, newer, SLOT, lead));
            int at = html.indexOf(SLOT);
            String before = html.substring(0, at);
            String after = html.substring(at + SLOT.length());
            return new Framed(article, before, after, SurrogateKeys.of(PageKeys.ofPage(article, older, newer)));
        });
    }

    /**
     * Sends an article page with the section below it: a page that is the same for everyone is prepared once and
     * may be kept by any cache; a reader's own is kept by none.
     */
    public void send(Context ctx, Framed framed, ArticleSection.Rendered section) {
        // The body may show pictures from other sites (agency photos); the sanitizer lets only https: ones through.
        WebServer.allowHttpsImages(ctx);
        if (section.shared()) {
            // The section below shows this article's replies, which its key names already.
            cache.sendShared(ctx, cache.part(section.sharedKey() + "page:" + framed.article().slug(), CachedPage.class,
                    page -> framed.keys(), () -> CachedPage.compressed(Responses.HTML, framed.with(section.html()))),
                    framed.keys());
        } else {
            Responses.personal(ctx, framed.with(section.html()));
        }
    }

    /** A public article and its page, cut where the section below it goes, with the keys of what the page shows. */
    public record Framed(Article article, String before, String after, SurrogateKeys keys) {
        public String with(String below) {
            return new StringBuilder(before.length() + below.length() + after.length())
                    .append(before).append(below).append(after).toString();
        }
    }
}
