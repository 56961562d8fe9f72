package dev.gazette.app;

import dev.gazette.account.AccountRoutes;
import dev.gazette.account.AccountStore;
import dev.gazette.account.Accounts;
import dev.gazette.account.NewDeviceListener;
import dev.gazette.account.Sessions;
import dev.gazette.account.SignInForms;
import dev.gazette.account.StaffGuard;
import dev.gazette.akismet.AkismetRoutes;
import dev.gazette.akismet.AkismetStore;
import dev.gazette.akismet.ApiKeys;
import dev.gazette.akismet.KeyRoutes;
import dev.gazette.article.ArticleAdminRoutes;
import dev.gazette.article.ArticlePage;
import dev.gazette.article.ArticleRoutes;
import dev.gazette.article.ArticleSearch;
import dev.gazette.article.ArticleStore;
import dev.gazette.article.Articles;
import dev.gazette.article.MarkdownRenderer;
import dev.gazette.article.PageKeys;
import dev.gazette.article.SampleArticles;
import dev.gazette.article.SiteChrome;
import dev.gazette.comment.CommentRoutes;
import dev.gazette.comment.CommentState;
import dev.gazette.comment.CommentStore;
import dev.gazette.comment.Comments;
import dev.gazette.comment.FormTokens;
import dev.gazette.comment.ReaderCookies;
import dev.gazette.comment.RepliesSection;
import dev.gazette.comment.ReplyHistory;
import dev.gazette.comment.ReplyListener;
import dev.gazette.mail.DigestJob;
import dev.gazette.mail.MailAdminRoutes;
import dev.gazette.mail.MailLinks;
import dev.gazette.mail.MailRoutes;
import dev.gazette.mail.MailStore;
import dev.gazette.mail.Outbox;
import dev.gazette.mail.OutboxJob;
import dev.gazette.mail.PasswordResetRoutes;
import dev.gazette.mail.PasswordResets;
import dev.gazette.mail.ReplyNotices;
import dev.gazette.mail.SignInNotices;
import dev.gazette.mail.SmtpMailer;
import dev.gazette.mail.Subscriptions;
import dev.gazette.media.DatabaseMediaFiles;
import dev.gazette.media.DiskMediaFiles;
import dev.gazette.media.ImageProcessor;
import dev.gazette.media.MediaFiles;
import dev.gazette.media.MediaLibrary;
import dev.gazette.media.MediaRoutes;
import dev.gazette.media.MediaSettings;
import dev.gazette.media.MediaStore;
import dev.gazette.media.MediaStoreUnavailable;
import dev.gazette.media.S3MediaFiles;
import dev.gazette.moderation.CorrectionStore;
import dev.gazette.moderation.DashboardRoutes;
import dev.gazette.moderation.Moderation;
import dev.gazette.moderation.ModerationRoutes;
import dev.gazette.moderation.PendingCount;
import dev.gazette.moderation.ShieldFollower;
import dev.gazette.moderation.ShieldStore;
import dev.gazette.ops.DiskCheck;
import dev.gazette.ops.HealthRoutes;
import dev.gazette.ops.Metrics;
import dev.gazette.ops.MetricsRoutes;
import dev.gazette.ops.Readiness;
import dev.gazette.ops.ShieldVerdicts;
import dev.gazette.privacy.AvatarRoutes;
import dev.gazette.privacy.Avatars;
import dev.gazette.privacy.PeopleRoutes;
import dev.gazette.privacy.PersonalData;
import dev.gazette.privacy.PersonalDataStore;
import dev.gazette.privacy.PrivacyRoutes;
import dev.gazette.privacy.RetentionJob;
import dev.gazette.settings.LiveSettings;
import dev.gazette.settings.SettingsRoutes;
import dev.gazette.settings.SettingsStore;
import dev.gazette.spam.InvalidModelException;
import dev.gazette.spam.ShieldSettings;
import dev.gazette.spam.SpamShield;
import dev.gazette.store.Buckets;
import dev.gazette.store.Database;
import dev.gazette.store.Dialect;
import dev.gazette.store.Jobs;
import dev.gazette.store.Notices;
import dev.gazette.store.SiteSecret;
import dev.gazette.syndication.FeedFetcher;
import dev.gazette.syndication.FeedImporter;
import dev.gazette.syndication.FeedPoller;
import dev.gazette.syndication.FeedRoutes;
import dev.gazette.syndication.FeedSourceRoutes;
import dev.gazette.syndication.FeedSourceStore;
import dev.gazette.syndication.FeedSources;
import dev.gazette.web.EdgePurger;
import dev.gazette.web.PageCache;
import dev.gazette.web.PurgeNotices;
import dev.gazette.web.Purges;
import dev.gazette.web.ServerSettings;
import dev.gazette.web.Site;
import dev.gazette.web.SurrogateKeys;
import dev.gazette.web.Templates;
import dev.gazette.web.Throttle;
import dev.gazette.web.WebServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part of Gazette by hand, in one place. */
public final class Gazette implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gazette.class);
    // How stale a public page may be on a node that did not make the change itself.
    private static final Duration PAGE_LIFETIME = Duration.ofSeconds(5);
    // How long page purges gather before one notice takes them to the other nodes: a busy article's replies then
    // cost one notice per window, not one each, and a change still shows elsewhere well within a second.
    private static final Duration PURGE_WINDOW = Duration.ofMillis(10);
    /** Every part tells time in UTC from one clock, so stored times and the pages agree across nodes. */
    private static final Clock CLOCK = Clock.systemUTC();
    /** The notice channel of page-cache purges: surrogate keys, space-separated. */
    static final String PURGE_CHANNEL = "gazette_purge";
    /** The feed poller's job name (it names the job's lock on PostgreSQL). */
    public static final String FEED_JOB = "feeds";

    private final Settings settings;
    private final Database database;
    private final Articles articles;
    private final PageCache pageCache;
    private final Purges purges;
    private final EdgePurger edge;
    private final SiteSecret secret;
    private final Comments comments;
    private final PersonalData personalData;
    private final SpamShield shield;
    private final ApiKeys apiKeys;
    private final AccountStore accountStore;
    private final Accounts accounts;
    private final AkismetStore akismetStore;
    private final LiveSettings live;
    private final Mail mail;
    private final MediaLibrary media;
    private final PrometheusMeterRegistry registry;
    private final Notices notices;
    private final PurgeNotices purgeNotices;
    private final ShieldFollower shieldFollower;
    private WebServer server;
    private AkismetRoutes akismet;
    private Jobs jobs;
    private Readiness readiness;
    private OutboxJob sender;

    private Gazette(Settings settings, Database database, Articles articles, PageCache pageCache, EdgePurger edge,
                    Purges purges, SiteSecret secret, Comments comments, PersonalData personalData, SpamShield shield,
                    AkismetStore akismetStore, LiveSettings live, Mail mail, MediaLibrary media,
                    PrometheusMeterRegistry registry, Notices notices, PurgeNotices purgeNotices) {
        this.registry = registry;
        this.purgeNotices = purgeNotices;
        this.settings = settings;
        this.notices = notices;
        this.shieldFollower = new ShieldFollower(shield, CLOCK);
        this.database = database;
        this.articles = articles;
        this.pageCache = pageCache;
        this.edge = edge;
        this.purges = purges;
        this.secret = secret;
        this.comments = comments;
        this.personalData = personalData;
        this.shield = shield;
        this.akismetStore = akismetStore;
        this.live = live;
        this.mail = mail;
        this.media = media;
        this.apiKeys = new ApiKeys(akismetStore, CLOCK);
        // With several nodes, failed sign-ins count in the database, so every node makes a guesser wait alike.
        this.accountStore = new AccountStore(database);
        this.accounts = new Accounts(accountStore, CLOCK, database.dialect() == Dialect.POSTGRESQL, mail.signIns());
        listen();
    }

    /**
     * What other nodes' notices change here (PostgreSQL): pages to drop, settings to read again, keys to forget,
     * lessons to take in. After a lost connection every one catches up, as notices may have been missed.
     */
    private void listen() {
        notices.subscribe(PURGE_CHANNEL, payload -> pageCache.purge(SurrogateKeys.of(payload.split(" "))),
                () -> pageCache.purge(SurrogateKeys.everything()));
        notices.subscribe(LiveSettings.CHANNEL, payload -> live.reload(), live::reload);
        notices.subscribe(ApiKeys.CHANNEL, payload -> apiKeys.forgetAll(), apiKeys::forgetAll);
        notices.subscribe(ShieldFollower.CHANNEL, payload -> shieldFollower.follow(), shieldFollower::follow);
        // Staff sessions need none: every request reads its session from the database, so a sign-out or a revoked
        // session ends on every node at once.
    }

    /** The pages a reply changes: its article's, the lists that count its replies and the reply feeds. */
    private static List<String> replyKeys(long articleId) {
        return List.of(PageKeys.article(articleId), PageKeys.REPLIES);
    }

    /** Opens the database (creating the data folder) and builds the services; serves nothing yet. */
    public static Gazette open(Settings settings) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + settings.dataDir().toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
        Database database = Database.open(settings.dbUrl(), settings.pool());
        Clock clock = CLOCK;
        Notices notices = new Notices(database);
        PageCache pageCache = new PageCache(PAGE_LIFETIME, 10_000, settings.cache());
        // One purge reaches this node's page cache, the other nodes' (by a notice) and the caches in front of the
        // site, by the same keys.
        EdgePurger edge = new EdgePurger(settings.cache().purgeUrls(), PAGE_LIFETIME, clock);
        // The other nodes hear of it after the commit, the keys of PURGE_WINDOW gathered into one notice.
        PurgeNotices purgeNotices = new PurgeNotices(payload -> notices.publish(PURGE_CHANNEL, payload), PURGE_WINDOW,
                Notices.MAX_PAYLOAD - 100);
        Purges purges = new Purges(pageCache, edge,
                database.dialect() == Dialect.POSTGRESQL ? purgeNotices : keys -> {});
        ArticleStore store = new ArticleStore(database);
        MediaLibrary media = openMedia(settings, database, clock);
        Articles articles = new Articles(store, ArticleSearch.of(database),
                new MarkdownRenderer(media), clock, purges::purge);
        SiteSecret secret = SiteSecret.load(database);
        SpamShield shield = openShield(settings, database, clock, notices);
        LiveSettings live = new LiveSettings(new SettingsStore(database, notices), settings.comments(),
                settings.siteTitle(), settings.siteDescription(), settings.gravatar(), clock, notices::live);
        Mail mail = new Mail(settings, database, secret, live);
        PrometheusMeterRegistry registry = Metrics.newRegistry();
        database.measure(registry);
        ShieldVerdicts verdicts = new ShieldVerdicts(registry);
        // A reply changes its article's page, the lists that count its replies and the reply feeds.
        Comments comments = new Comments(new CommentStore(database), live::comments,
                submission -> verdicts.count(shield.check(submission)), articles::find,
                clock, articleId -> purges.purge(replyKeys(articleId)), mail.listener(articles, clock));
        PersonalData personalData = new PersonalData(new PersonalDataStore(database), clock, purges::everything,
                shield::consolidate);
        return new Gazette(settings, database, articles, pageCache, edge, purges, secret, comments, personalData,
                shield, new AkismetStore(database, notices), live, mail, media, registry, notices, purgeNotices);
    }

    /**
     * The mail parts that exist before the server starts (replies written by commands go to the outbox too); links
     * in mails use the public address, known once the server has its port.
     */
    private static final class Mail {
        final MailStore store;
        final Outbox outbox;
        final MailLinks links;
        final Settings settings;
        final LiveSettings live;
        volatile String publicUrl;

        Mail(Settings settings, Database database, SiteSecret secret, LiveSettings live) {
            this.settings = settings;
            this.live = live;
            this.store = new MailStore(database);
            this.outbox = new Outbox(database);
            this.publicUrl = settings.publicUrl(settings.port());
            this.links = new MailLinks(secret, () -> publicUrl);
        }

        /** Mails a staff member when their account is signed in to from a new browser. */
        NewDeviceListener signIns() {
            if (!settings.mail().enabled()) return NewDeviceListener.NONE;
            return new SignInNotices(store, outbox, live::siteTitle, links);
        }

        ReplyListener listener(Articles articles, Clock clock) {
            if (!settings.mail().enabled()) return ReplyListener.NONE;
            return new ReplyNotices(store, outbox, live::siteTitle, links, articles::find,
                    () -> settings.mail().digestMinutes(), clock);
        }
    }

    /** Pictures: their variants in a folder under the data folder on one node, in the database or a bucket for several. */
    private static MediaLibrary openMedia(Settings settings, Database database, Clock clock) {
        MediaSettings media = settings.media();
        boolean shared = media.store().equals("database")
                || (media.store().equals("auto") && database.dialect() == Dialect.POSTGRESQL);
        MediaFiles files = media.store().equals("s3") ? S3MediaFiles.open(media.s3())
                : shared ? new DatabaseMediaFiles(database)
                : new DiskMediaFiles(settings.dataDir().resolve("media"));
        return new MediaLibrary(new ImageProcessor(media.limits(), 2), new MediaStore(database), files, clock);
    }

    /** A failure that passes (the database or the picture store away): answered 503 with Retry-After. */
    private static boolean unavailable(Throwable failure) {
        return Database.isUnavailable(failure) || MediaStoreUnavailable.isCause(failure);
    }

    private static Map<String, Integer> byName(Map<CommentState, Integer> counts) {
        Map<String, Integer> named = new HashMap<>();
        counts.forEach((state, n) -> named.put(state.name().toLowerCase(Locale.ROOT), n));
        return named;
    }

    private static SpamShield openShield(Settings settings, Database database, Clock clock, Notices notices) {
        ShieldSettings d = ShieldSettings.defaults();
        ShieldSettings shieldSettings = new ShieldSettings(settings.minSecondsToPost(), d.disallowedKeys(),
                settings.spamThreshold(), settings.discardThreshold(), settings.language(), d.minExamplesPerClass(),
                d.priorLogOdds(), d.maxReasons(), d.snapshotEvery(), d.learner());
        try {
            SpamShield shield = SpamShield.open(shieldSettings, new ShieldStore(database, clock, notices));
            shield.setAside().ifPresent(why -> log.warn("The spam shield starts afresh: {}. Until it has learned enough"
                    + " from moderation, its rules decide alone.", why));
            return shield;
        } catch (InvalidModelException e) {
            throw new IllegalStateException("The spam shield's saved model cannot be read (" + e.getMessage()
                    + "). Restore a backup, or import a model with 'gazette spam import'.", e);
        }
    }

    /** Starts the web server, first adding the sample stories to a site without any; returns its address. */
    public String serve() {
        // Only a served site needs something to show; import, export, privacy and the rest leave the database as found.
        if (settings.sampleContent()) {
            // Nodes started at once on an empty database would each find it empty: one at a time, the others wait.
            database.exclusively("adding the sample stories", () -> {
                new SampleArticles(articles, CLOCK).addIfEmpty();
                return null;
            });
        }
        int port = settings.port() == 0 ? FreePort.find() : settings.port();
        String publicUrl = settings.publicUrl(port);
        mail.publicUrl = publicUrl;
        Supplier<Site> site = () -> new Site(live.siteTitle(), live.siteDescription(), publicUrl, settings.language());
        Templates templates = new Templates();
        SiteChrome chrome = new SiteChrome(site, articles, pageCache);
        ArticlePage articlePage = new ArticlePage(articles, chrome, templates, pageCache, media);
        Clock clock = CLOCK;
        FormTokens tokens = new FormTokens(secret, clock, settings.minSecondsToPost());
        ReaderCookies cookies = new ReaderCookies(secret);
        RepliesSection replies = new RepliesSection(comments, new Avatars(secret, live::gravatar), tokens, cookies, templates,
                pageCache, settings.mail().enabled());
        MailAdminRoutes mailAdmin = new MailAdminRoutes(settings.mail(), mail.outbox, mail.store, templates, clock);
        // Limits count in the database when several nodes share it, in memory with one node.
        Throttle throttle = database.dialect() == Dialect.POSTGRESQL ? sharedThrottle(new Buckets(database, clock))
                : Throttle.inMemory(Duration.ofHours(1));
        akismet = new AkismetRoutes(apiKeys, akismetStore, shield, settings.akismet(), clock, throttle);
        Sessions sessions = new Sessions(accountStore, secret, clock);
        Moderation moderation = new Moderation(comments, new ReplyHistory(database), shield, new CorrectionStore(database),
                accounts, clock);
        FeedSources feeds = new FeedSources(new FeedSourceStore(database), new FeedImporter(articles, clock),
                new FeedFetcher(settings.fetch()), clock);
        Metrics metrics = new Metrics(registry, () -> byName(comments.stats().counts()),
                () -> (int) feeds.all().stream().filter(f -> f.failures() > 0).count());
        readiness = new Readiness(database::healthy, new DiskCheck(settings.dataDir(), settings.ops().minFreeBytes()),
                Duration.ofSeconds(1));
        server = new WebServer(
                new ServerSettings(settings.host(), port, publicUrl, settings.virtualThreads(), settings.proxies(),
                        settings.ops().drainTimeout()),
                List.of(new HealthRoutes(readiness), new MetricsRoutes(metrics, settings.ops()),
                        new StaffGuard(sessions, new PendingCount(comments)),
                        new AccountRoutes(accounts, sessions, new SignInForms(secret, clock), templates,
                                title -> chrome.page(title, "", "/admin"), settings.mail().enabled()),
                        new ArticleRoutes(articles, chrome, templates, pageCache, articlePage, replies,
                                comments.stats()::approvedCounts, media),
                        new CommentRoutes(comments, articlePage, replies, tokens, cookies, articles, templates,
                                title -> chrome.known(title, "/"), Gazette::unavailable, throttle),
                        new AvatarRoutes(),
                        new DashboardRoutes(comments, moderation, accounts::recentActivity, templates, clock,
                                mailAdmin::summary),
                        mailAdmin,
                        new PasswordResetRoutes(new PasswordResets(accounts, mail.store, mail.outbox, live::siteTitle,
                                mail.links, clock), templates, title -> chrome.page(title, "", "/admin"),
                                settings.mail().enabled()),
                        new MailRoutes(new Subscriptions(mail.store, mail.outbox, mail.links, clock), mail.links,
                                templates, title -> chrome.page(title, "", "/")),
                        new ModerationRoutes(comments, moderation, templates),
                        new ArticleAdminRoutes(articles, accounts, templates, media),
                        new MediaRoutes(media, accounts, templates, articles::pictureDescribed),
                        new FeedSourceRoutes(feeds, accounts, templates),
                        akismet,
                        new KeyRoutes(apiKeys, accounts, templates),
                        new PrivacyRoutes(() -> SitePrivacyFacts.of(comments.settings(), settings, live.gravatar()),
                                templates,
                                title -> chrome.page(title, "How this site handles your data.", "/privacy"), pageCache),
                        new SettingsRoutes(live, accounts, templates, purges::everything),
                        new PeopleRoutes(personalData, accounts, templates),
                        new FeedRoutes(articles, comments, site, pageCache, media)),
                templates,
                pageCache,
                title -> chrome.known(title, "/"),
                Gazette::unavailable,
                () -> live.gravatar() ? List.of(Avatars.GRAVATAR_HOST) : List.of(),
                metrics).start();
        startJobs(feeds, throttle);
        notices.start();
        return site.get().url("/");
    }

    /** The node's background work, on the one scheduler; on PostgreSQL the shared work runs on one node at a time. */
    private void startJobs(FeedSources feeds, Throttle throttle) {
        jobs = new Jobs(database);
        jobs.every(FEED_JOB, Duration.ofSeconds(10), Duration.ofMinutes(1), new FeedPoller(feeds), Jobs.Scope.ONE_NODE);
        jobs.every("retention", Duration.ZERO, Duration.ofHours(1),
                new RetentionJob(personalData, () -> comments.settings().retention()), Jobs.Scope.ONE_NODE);
        // Following runs on every node (each has its own copy of the model); folding the log into a snapshot on one.
        jobs.every("shield-follow", ShieldFollower.EVERY, ShieldFollower.EVERY, shieldFollower::follow,
                Jobs.Scope.EACH_NODE);
        jobs.every("shield-snapshot", ShieldFollower.EVERY, ShieldFollower.EVERY, shieldFollower::consolidateIfDue,
                Jobs.Scope.ONE_NODE);
        // Settings saved on another node come by notice; while notices are not heard, they are read again here, in
        // the background, so that no reader's request ever waits for the database because of them.
        jobs.every("settings-poll", LiveSettings.REFRESH, LiveSettings.REFRESH, live::pollIfDeaf, Jobs.Scope.EACH_NODE);
        akismet.declareJobs(jobs);
        if (settings.mail().enabled()) {
            sender = new OutboxJob(mail.outbox, new SmtpMailer(settings.mail(), live::siteTitle, CLOCK), CLOCK,
                    OutboxJob.Retries.defaults());
            DigestJob digests = new DigestJob(mail.store, mail.outbox, live::siteTitle, mail.links,
                    () -> comments.stats().pendingCount(),
                    () -> settings.mail().digestMinutes(), CLOCK);
            jobs.every("mail-digest", Duration.ofSeconds(1), Duration.ofSeconds(1), digests::runOnce, Jobs.Scope.ONE_NODE);
            jobs.every("mail-outbox", Duration.ofSeconds(1), Duration.ofSeconds(1), sender::runOnce, Jobs.Scope.ONE_NODE);
        }
        if (database.dialect() == Dialect.POSTGRESQL) {
            Buckets buckets = new Buckets(database, CLOCK);
            jobs.every("forget-idle-limits", Duration.ofMinutes(1), Duration.ofHours(1),
                    () -> buckets.forget(Duration.ofDays(1)), Jobs.Scope.ONE_NODE);
        }
        jobs.start();
    }

    /** Token buckets in the database: the same numbers as the in-memory limiter, counted for every node. */
    private static Throttle sharedThrottle(Buckets buckets) {
        return (key, rate, nowNanos) -> buckets.take(key, rate.burst(), rate.perSecond());
    }

    /** The scheduler (null before {@link #serve()}): tests ask it which node runs a job. */
    public Jobs jobs() {
        return jobs;
    }

    /** The one clock every part tells time by; commands that build parts of their own use it too. */
    public Clock clock() {
        return CLOCK;
    }

    public SpamShield shield() {
        return shield;
    }

    public Accounts accounts() {
        return accounts;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public PersonalData personalData() {
        return personalData;
    }

    public MediaLibrary media() {
        return media;
    }

    public Articles articles() {
        return articles;
    }

    public Comments comments() {
        return comments;
    }

    /** How changes reach this node from the others; tests ask it which changes came by notice. */
    public Notices notices() {
        return notices;
    }

    public Database database() {
        return database;
    }

    public PageCache pageCache() {
        return pageCache;
    }

    /** Purges every rendered page here and in the caches in front, for changes made behind the services' backs. */
    public void clearPageCache() {
        purges.everything();
    }

    @Override
    public void close() {
        if (jobs != null) jobs.close();
        // The mail server's connection is kept between batches while mail comes; the site is going: say QUIT.
        if (sender != null) sender.closeIdle();
        if (server != null) server.close();
        if (readiness != null) readiness.close();
        if (akismet != null) akismet.close();
        purgeNotices.close();
        notices.close();
        edge.close();
        media.close();
        database.close();
    }
}
