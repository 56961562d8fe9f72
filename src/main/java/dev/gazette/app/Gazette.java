package dev.gazette.app;

import dev.gazette.article.ArticleRoutes;
import dev.gazette.article.ArticleSearch;
import dev.gazette.article.ArticleStore;
import dev.gazette.article.Articles;
import dev.gazette.article.MarkdownRenderer;
import dev.gazette.article.SampleArticles;
import dev.gazette.article.SiteChrome;
import dev.gazette.store.Database;
import dev.gazette.syndication.FeedRoutes;
import dev.gazette.web.ServerSettings;
import dev.gazette.web.Site;
import dev.gazette.web.Templates;
import dev.gazette.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;

/** The composition root: builds every part of Gazette by hand, in one place. */
public final class Gazette implements AutoCloseable {
    private final Settings settings;
    private final Database database;
    private final Articles articles;
    private WebServer server;

    private Gazette(Settings settings, Database database, Articles articles) {
        this.settings = settings;
        this.database = database;
        this.articles = articles;
    }

    /** Opens the database (creating the data folder) and builds the services; serves nothing yet. */
    public static Gazette open(Settings settings) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + settings.dataDir().toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
        Database database = Database.open(settings.dbUrl());
        Clock clock = Clock.systemUTC();
        ArticleStore store = new ArticleStore(database.jdbi());
        Articles articles = new Articles(store, ArticleSearch.forDialect(database.dialect(), database.jdbi()),
                new MarkdownRenderer(), clock);
        if (settings.sampleContent()) {
            new SampleArticles(articles, clock).addIfEmpty();
        }
        return new Gazette(settings, database, articles);
    }

    /** Starts the web server; returns the address it listens on. */
    public String serve() {
        int port = settings.port() == 0 ? FreePort.find() : settings.port();
        Site site = new Site(settings.siteTitle(), settings.siteDescription(), settings.publicUrl(port),
                settings.language());
        Templates templates = new Templates();
        SiteChrome chrome = new SiteChrome(site, articles);
        server = new WebServer(
                new ServerSettings(settings.host(), port, settings.virtualThreads()),
                List.of(new ArticleRoutes(articles, chrome, templates), new FeedRoutes(articles, site)),
                templates,
                title -> chrome.page(title, "", "/"),
                database::healthy).start();
        return site.url("/");
    }

    public Articles articles() {
        return articles;
    }

    @Override
    public void close() {
        if (server != null) server.close();
        database.close();
    }
}
