package dev.gazette.app;

import dev.gazette.akismet.AkismetSettings;
import dev.gazette.comment.CommentSettings;
import dev.gazette.mail.MailSettings;
import dev.gazette.ops.OpsSettings;
import dev.gazette.store.PoolSettings;
import dev.gazette.syndication.FetchSettings;
import dev.gazette.web.TrustedProxies;
import dev.gazette.web.CachePolicy;
import dev.gazette.media.MediaSettings;
import java.nio.file.Path;

/** Everything Gazette reads at start, after the command line, environment and config file have had their say. */
public record Settings(
        String host,
        int port,
        Path dataDir,
        String dbUrl,
        String baseUrl,
        String siteTitle,
        String siteDescription,
        String language,
        boolean virtualThreads,
        boolean sampleContent,
        double minSecondsToPost,
        double spamThreshold,
        double discardThreshold,
        String privacyContact,
        boolean gravatar,
        CommentSettings comments,
        AkismetSettings akismet,
        FetchSettings fetch,
        TrustedProxies proxies,
        CachePolicy cache,
        MailSettings mail,
        MediaSettings media,
        PoolSettings pool,
        OpsSettings ops) {

    /** Settings without mail, with the default media limits and store, database pool and operations. */
    public Settings(String host, int port, Path dataDir, String dbUrl, String baseUrl, String siteTitle,
                    String siteDescription, String language, boolean virtualThreads, boolean sampleContent,
                    double minSecondsToPost, double spamThreshold, double discardThreshold, String privacyContact,
                    boolean gravatar, CommentSettings comments, AkismetSettings akismet, FetchSettings fetch,
                    TrustedProxies proxies, CachePolicy cache) {
        this(host, port, dataDir, dbUrl, baseUrl, siteTitle, siteDescription, language, virtualThreads, sampleContent,
                minSecondsToPost, spamThreshold, discardThreshold, privacyContact, gravatar, comments, akismet, fetch,
                proxies, cache, MailSettings.off(), MediaSettings.defaults(), PoolSettings.defaults(), OpsSettings.defaults());
    }

    /** The address readers use; derived from host and port unless set. */
    public String publicUrl(int boundPort) {
        if (!baseUrl.isEmpty()) return baseUrl;
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        return "http://" + shownHost + ":" + boundPort;
    }
}
