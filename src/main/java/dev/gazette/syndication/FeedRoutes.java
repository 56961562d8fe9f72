package dev.gazette.syndication;

import dev.gazette.article.Article;
import dev.gazette.article.Articles;
import dev.gazette.comment.Comment;
import dev.gazette.comment.Comments;
import dev.gazette.article.Tag;
import dev.gazette.article.PageKeys;
import dev.gazette.article.Picture;
import dev.gazette.article.Pictures;
import dev.gazette.web.PageCache;
import dev.gazette.web.SurrogateKeys;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Site;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Everything a machine reads: RSS and Atom for the site, each tag and the replies; the sitemap; robots.txt. */
public final class FeedRoutes implements Routes {
    private static final int FEED_SIZE = 20;
    private static final int SITEMAP_MAX = 50_000;

    private final Articles articles;
    private final Supplier<Site> site;
    private final PageCache cache;
    private final Comments comments;

    private final Pictures pictures;

    public FeedRoutes(Articles articles, Comments comments, Supplier<Site> site, PageCache cache) {
        this(articles, comments, site, cache, Pictures.NONE);
    }

    /** @param pictures where stories' lead pictures come from, for the items' enclosures */
    public FeedRoutes(Articles articles, Comments comments, Supplier<Site> site, PageCache cache, Pictures pictures) {
        this.pictures = pictures;
        this.articles = articles;
        this.comments = comments;
        this.site = site;
        this.cache = cache;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/feed.xml", ctx -> siteFeed(ctx, FeedWriter.Format.RSS));
        routes.get("/atom.xml", ctx -> siteFeed(ctx, FeedWriter.Format.ATOM));
        routes.get("/tags/{slug}/feed.xml", ctx -> tagFeed(ctx, FeedWriter.Format.RSS));
        routes.get("/tags/{slug}/atom.xml", ctx -> tagFeed(ctx, FeedWriter.Format.ATOM));
        routes.get("/comments/feed.xml", ctx -> repliesFeed(ctx, FeedWriter.Format.RSS));
        routes.get("/comments/atom.xml", ctx -> repliesFeed(ctx, FeedWriter.Format.ATOM));
        routes.get("/articles/{slug}/comments/feed.xml", ctx -> articleRepliesFeed(ctx, FeedWriter.Format.RSS));
        routes.get("/articles/{slug}/comments/atom.xml", ctx -> articleRepliesFeed(ctx, FeedWriter.Format.ATOM));
        routes.get("/sitemap.xml", ctx -> cache.serve(ctx, "application/xml; charset=utf-8", SurrogateKeys.of(PageKeys.SITEMAP),
                () -> Sitemap.of(site.get(), articles.latest(1, SITEMAP_MAX).items())));
        routes.get("/robots.txt", ctx -> cache.serve(ctx, "text/plain; charset=utf-8", SurrogateKeys.of(),
                () -> "User-agent: *\nDisallow: /search\nDisallow: /admin\n\nSitemap: " + site.get().url("/sitemap.xml") + "\n"));
    }

    private void siteFeed(Context ctx, FeedWriter.Format format) {
        String self = format == FeedWriter.Format.RSS ? "/feed.xml" : "/atom.xml";
        cache.serve(ctx, format.mediaType, SurrogateKeys.of(PageKeys.FEEDS), () -> new FeedWriter(site.get()).write(format, site.get().title(), site.get().description(), self, "/",
                articles.latest(1, FEED_SIZE).items().stream().map(this::entry).toList()));
    }

    private void tagFeed(Context ctx, FeedWriter.Format format) {
        Tag tag = articles.tag(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        String base = "/tags/" + tag.slug();
        String self = base + (format == FeedWriter.Format.RSS ? "/feed.xml" : "/atom.xml");
        cache.serve(ctx, format.mediaType, SurrogateKeys.of(PageKeys.FEEDS, PageKeys.tag(tag.slug())), () -> new FeedWriter(site.get()).write(format, site.get().title() + ": " + tag.name(),
                "Stories tagged " + tag.name() + " on " + site.get().title() + ".", self, base,
                articles.tagged(tag, 1, FEED_SIZE).items().stream().map(this::entry).toList()));
    }

    private FeedEntry entry(Article a) {
        return FeedEntry.of(a, a.leadImage().flatMap(pictures::find));
    }

    private void repliesFeed(Context ctx, FeedWriter.Format format) {
        String self = "/comments/" + (format == FeedWriter.Format.RSS ? "feed.xml" : "atom.xml");
        cache.serve(ctx, format.mediaType, SurrogateKeys.of(PageKeys.FEEDS, PageKeys.REPLIES), () -> {
            List<Comment> latest = comments.latestApproved(FEED_SIZE);
            Map<Long, Article> on = new HashMap<>();
            articles.published(latest.stream().map(Comment::articleId).distinct().toList()).forEach(a -> on.put(a.id(), a));
            return new FeedWriter(site.get()).write(format, "Replies on " + site.get().title(), "The latest replies on " + site.get().title() + ".",
                    self, "/", latest.stream().filter(c -> on.containsKey(c.articleId()))
                            .map(c -> FeedEntry.of(c, on.get(c.articleId()))).toList());
        });
    }

    private void articleRepliesFeed(Context ctx, FeedWriter.Format format) {
        Article article = articles.published(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        String base = "/articles/" + article.slug();
        String self = base + "/comments/" + (format == FeedWriter.Format.RSS ? "feed.xml" : "atom.xml");
        cache.serve(ctx, format.mediaType, SurrogateKeys.of(PageKeys.FEEDS, PageKeys.article(article.id())), () -> {
            List<Comment> replies = new ArrayList<>(comments.approved(article));
            Collections.reverse(replies);
            return new FeedWriter(site.get()).write(format, "Replies to “" + article.title() + "”", "Replies on " + site.get().title() + ".",
                    self, base, replies.stream().limit(FEED_SIZE).map(c -> FeedEntry.of(c, article)).toList());
        });
    }
}
