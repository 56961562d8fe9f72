package dev.gazette.article;

import dev.gazette.web.Format;
import dev.gazette.web.Page;
import dev.gazette.web.PageCache;
import dev.gazette.web.Params;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.SurrogateKeys;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The public pages of articles: home, article, section, tag, search and about. */
public final class ArticleRoutes implements Routes {
    static final int PAGE_SIZE = 10;
    private static final int MAX_QUERY_SHOWN = 200;

    private final Articles articles;
    private final SiteChrome chrome;
    private final Templates templates;
    private final PageCache cache;
    private final ArticlePage page;
    private final ArticleSection below;
    private final ReplyCounts counts;
    private final Pictures pictures;

    public ArticleRoutes(Articles articles, SiteChrome chrome, Templates templates, PageCache cache, ArticlePage page,
                         ArticleSection below, ReplyCounts counts) {
        this(articles, chrome, templates, cache, page, below, counts, Pictures.NONE);
    }

    /** @param pictures where the home page's lead story gets its picture */
    public ArticleRoutes(Articles articles, SiteChrome chrome, Templates templates, PageCache cache, ArticlePage page,
                         ArticleSection below, ReplyCounts counts, Pictures pictures) {
        this.pictures = pictures;
        this.counts = counts;
        this.articles = articles;
        this.chrome = chrome;
        this.templates = templates;
        this.cache = cache;
        this.page = page;
        this.below = below;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/", this::home);
        routes.get("/articles/{slug}", this::article);
        routes.get("/sections/{slug}", this::section);
        routes.get("/tags/{slug}", this::tag);
        routes.get("/search", this::search);
        routes.get("/about", this::about);
    }

    private void home(Context ctx) {
        int page = Params.page(ctx);
        cache.serve(ctx, Responses.HTML, () -> list(PageKeys.HOME,
                chrome.page("", chrome.site().description(), withPage("/", page)),
                "Latest news", "", existing(articles.latest(page, PAGE_SIZE)), "/", ""));
    }

    private void article(Context ctx) {
        ArticlePage.Framed framed = page.find(ctx.pathParam("slug"));
        page.send(ctx, framed, below.render(framed.article(), ctx));
    }

    private void section(Context ctx) {
        Section section = articles.section(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        int page = Params.page(ctx);
        String base = "/sections/" + section.slug();
        cache.serve(ctx, Responses.HTML, () -> list(PageKeys.section(section.slug()),
                chrome.page(section.name(), "The latest " + section.name() + " stories.", withPage(base, page)),
                section.name(), "", existing(articles.inSection(section, page, PAGE_SIZE)), base, ""));
    }

    private void tag(Context ctx) {
        Tag tag = articles.tag(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        int page = Params.page(ctx);
        String base = "/tags/" + tag.slug();
        Page chromePage = chrome.page("Tagged " + tag.name(), "Stories tagged " + tag.name() + ".", withPage(base, page))
                .withFeeds(List.of(new Page.FeedLink(tag.name() + " (RSS)", "application/rss+xml", base + "/feed.xml"),
                        new Page.FeedLink(tag.name() + " (Atom)", "application/atom+xml", base + "/atom.xml")));
        cache.serve(ctx, Responses.HTML, () -> list(PageKeys.tag(tag.slug()), chromePage, "Tagged “" + tag.name() + "”", "",
                existing(articles.tagged(tag, page, PAGE_SIZE)), base, ""));
    }

    private void search(Context ctx) {
        String raw = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        SearchQuery query = SearchQuery.parse(raw);
        int page = Params.page(ctx);
        String shown = query.text().length() > MAX_QUERY_SHOWN ? query.text().substring(0, MAX_QUERY_SHOWN) + "…" : query.text();
        Paged<Article> results = articles.search(query, page, PAGE_SIZE);
        String intro = query.isEmpty() ? "Type a few words to search every story."
                : results.total() == 0 ? "No stories match “" + shown + "”. Try fewer or other words."
                : results.total() + (results.total() == 1 ? " story matches" : " stories match") + " “" + shown + "”.";
        String base = "/search?q=" + Format.query(String.join(" ", query.words()));
        Responses.html(ctx, list("search", chrome.page("Search", "Search the stories.", "/search").notIndexed(), "Search",
                intro, results, base, query.text()).text());
    }

    private void about(Context ctx) {
        cache.serve(ctx, Responses.HTML, SurrogateKeys.of(), () -> templates.render("article/about.jte",
                chrome.page("About", "Who we are and how we work.", "/about")));
    }

    /** A list page, named by its kind and the articles it shows (their titles, and their reply counts). */
    private PageCache.Body list(String kind, Page page, String heading, String intro, Paged<Article> items, String base,
                                String q) {
        Map<Long, Integer> replies = counts.of(items.items().stream().map(Article::id).toList());
        // The home page's first story is the lead story: it shows its picture (a change to it purges the article's key).
        Optional<Picture> lead = kind.equals(PageKeys.HOME) && items.page() == 1 && !items.items().isEmpty()
                ? items.items().get(0).leadImage().flatMap(pictures::find) : Optional.empty();
        return new PageCache.Body(templates.render("article/list.jte", new ArticleListView(page, heading, intro, items, base, q,
                replies, lead)), SurrogateKeys.of(PageKeys.ofList(kind, items.items())));
    }

    // Page 7 of a 3-page list is an address that does not exist.
    private static Paged<Article> existing(Paged<Article> paged) {
        if (paged.page() > paged.pages()) throw new NotFoundResponse();
        return paged;
    }

    private static String withPage(String base, int page) {
        return page == 1 ? base : base + "?page=" + page;
    }
}
