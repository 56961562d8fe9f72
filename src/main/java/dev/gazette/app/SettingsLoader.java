package dev.gazette.app;

import dev.gazette.akismet.AkismetSettings;
import dev.gazette.comment.CommentSettings;
import dev.gazette.mail.MailSettings;
import dev.gazette.media.MediaLimits;
import dev.gazette.media.MediaSettings;
import dev.gazette.media.S3Settings;
import dev.gazette.ops.OpsSettings;
import dev.gazette.settings.PolicyForm;
import dev.gazette.store.Database;
import dev.gazette.store.PoolSettings;
import dev.gazette.syndication.FetchSettings;
import dev.gazette.text.EmailAddress;
import dev.gazette.web.CachePolicy;
import dev.gazette.web.TrustedProxies;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Resolves settings in one documented order: command-line option, then environment variable
 * ({@code GAZETTE_PORT} for {@code port}, {@code GAZETTE_COMMENTS_HOLD_ALL} for {@code comments.hold-all}), then the config file, then the default.
 */
public final class SettingsLoader {
    static final String DEFAULT_CONFIG = "gazette.properties";

    private final Map<String, String> options;
    private final Map<String, String> env;
    private final Properties file;

    private SettingsLoader(Map<String, String> options, Map<String, String> env, Properties file) {
        this.options = options;
        this.env = env;
        this.file = file;
    }

    /**
     * @param options settings given on the command line, by key ("port", "data", "db.url"…)
     * @param env     the process environment
     * @param config  the config file named on the command line, if any
     */
    public static Settings load(Map<String, String> options, Map<String, String> env, Optional<Path> config) {
        Optional<Path> path = config.or(() -> Optional.ofNullable(env.get("GAZETTE_CONFIG")).map(Path::of))
                .or(() -> Optional.of(Path.of(DEFAULT_CONFIG)).filter(Files::isRegularFile));
        return new SettingsLoader(options, env, path.map(SettingsLoader::read).orElseGet(Properties::new)).resolve();
    }

    private Settings resolve() {
        Path data = Path.of(get("data", "data"));
        double spamThreshold = probability("shield.spam-threshold", get("shield.spam-threshold", "0.75"));
        return new Settings(
                get("host", "0.0.0.0"),
                port(get("port", "8080")),
                data,
                get("db.url", Database.sqliteUrl(data)),
                get("base.url", ""),
                get("site.title", "Gazette"),
                get("site.description", "Independent news, carefully sourced."),
                get("site.language", "en"),
                bool("virtual.threads", get("virtual.threads", "false")),
                bool("sample.content", get("sample.content", "true")),
                seconds("shield.min.seconds", get("shield.min.seconds", "3")),
                spamThreshold,
                discardThreshold(spamThreshold),
                get("privacy.contact", ""),
                bool("avatars.gravatar", get("avatars.gravatar", "false")),
                comments(),
                new AkismetSettings(
                        number("akismet.requests-per-minute", get("akismet.requests-per-minute", "6000"), 1, 100_000_000),
                        Duration.ofDays(number("akismet.retention-days", get("akismet.retention-days", "15"), 1, 3650))),
                new FetchSettings(FetchSettings.hostList(get("fetch.allow-hosts", "")),
                        FetchSettings.defaults().answerTimeout(),
                        Duration.ofSeconds(number("fetch.total-seconds", get("fetch.total-seconds", "30"), 1, 3600))),
                TrustedProxies.parse(get("proxy.trusted", "")),
                new CachePolicy(
                        number("cache.max-age", get("cache.max-age", "60"), 0, 31_536_000),
                        number("cache.stale-while-revalidate", get("cache.stale-while-revalidate", "30"), 0, 31_536_000),
                        number("cache.stale-if-error", get("cache.stale-if-error", "86400"), 0, 31_536_000),
                        cacheUrls("cache.purge-urls", get("cache.purge-urls", ""))),
                mail(),
                new MediaSettings(new MediaLimits(
                        number("media.max-megabytes", get("media.max-megabytes", "30"), 1, 1024) * 1024L * 1024L,
                        number("media.max-megapixels", get("media.max-megapixels", "50"), 1, 1000) * 1_000_000L),
                        get("media.store", "auto"), s3()),
                new PoolSettings(password(),
                        number("db.pool-size", get("db.pool-size", "10"), 1, 1000),
                        Duration.ofMillis(number("db.wait-ms", get("db.wait-ms", "1000"), 250, 600_000)),
                        Duration.ofSeconds(number("db.statement-timeout-seconds",
                                get("db.statement-timeout-seconds", "30"), 1, 86_400))),
                new OpsSettings(
                        Duration.ofSeconds(number("shutdown.drain-seconds", get("shutdown.drain-seconds", "20"), 0, 3600)),
                        number("health.min-free-mb", get("health.min-free-mb", "100"), 0, 10_000_000) * 1024L * 1024L,
                        get("metrics.token", ""),
                        TrustedProxies.parse("metrics.from", get("metrics.from", ""))));
    }

    /** The SMTP server; with no mail.host, mail is off and nothing else is asked for. */
    private MailSettings mail() {
        String host = get("mail.host", "");
        MailSettings.Tls tls = MailSettings.Tls.parse("mail.tls", get("mail.tls", "none"));
        String portText = get("mail.port", "");
        int port = portText.isBlank() ? tls.defaultPort() : number("mail.port", portText, 1, 65535);
        String from = get("mail.from", "");
        int digest = number("mail.digest-minutes", get("mail.digest-minutes", "10"), 1, 10_080);
        if (!host.isBlank() && !EmailAddress.isValid(from)) {
            throw new IllegalArgumentException("mail.from must be the address the site sends from, such as"
                    + " newsroom@example.org, when mail.host is set" + (from.isEmpty() ? "" : ", not '" + from + "'"));
        }
        return new MailSettings(host, port, tls, get("mail.user", ""), get("mail.password", ""), from, digest);
    }

    /** The bucket for media.store=s3; the secret key comes from the environment or the config file, as mail's. */
    private S3Settings s3() {
        return new S3Settings(get("media.s3.endpoint", ""), get("media.s3.region", "us-east-1"),
                get("media.s3.bucket", ""), get("media.s3.access-key", ""), get("media.s3.secret-key", ""));
    }

    /**
     * The database password: {@code db.password} (from GAZETTE_DB_PASSWORD or the config file), else the first line
     * of the file {@code db.password-file} names (--db-password-file, GAZETTE_DB_PASSWORD_FILE, the config file).
     */
    private String password() {
        String password = get("db.password", "");
        if (!password.isEmpty()) return password;
        String file = get("db.password-file", "");
        if (file.isEmpty()) return "";
        try {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new IllegalArgumentException("db.password-file " + file + " is empty; put the password on its"
                        + " first line");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the database password from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * True when a database URL carries a password ({@code password=…}, or {@code user:password@host}): given on the
     * command line, every user of the machine could read it in {@code ps}.
     */
    static boolean carriesPassword(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                if (pair.startsWith("password=") && pair.length() > "password=".length()) return true;
            }
        }
        int scheme = url.indexOf("//");
        if (scheme < 0) return false;
        String authority = url.substring(scheme + 2).split("[/?]", 2)[0];
        int at = authority.lastIndexOf('@');
        return at > 0 && authority.substring(0, at).contains(":");
    }

    /** Comma-separated http(s) addresses of the caches in front of the site, such as http://127.0.0.1:6081. */
    static List<URI> cacheUrls(String key, String value) {
        List<URI> urls = new ArrayList<>();
        for (String part : value.split(",")) {
            String raw = part.strip();
            if (raw.isEmpty()) continue;
            try {
                URI uri = new URI(raw);
                if ((uri.getScheme() != null && uri.getScheme().matches("https?")) && uri.getHost() != null) {
                    urls.add(uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri);
                    continue;
                }
            } catch (URISyntaxException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException(key + " must list the caches' addresses, comma-separated, each like"
                    + " http://127.0.0.1:6081, not '" + raw + "'");
        }
        return urls;
    }

    /** The reply policy; every key is optional and falls back to {@link CommentSettings#defaults()}. */
    private CommentSettings comments() {
        PolicyForm.Parsed parsed = PolicyForm.parse(key -> get(key, null), CommentSettings.defaults());
        if (!parsed.errors().isEmpty()) throw new IllegalArgumentException(parsed.errors().values().iterator().next());
        return parsed.settings();
    }

    private static int number(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    private String get(String key, String fallback) {
        String fromOption = options.get(key);
        if (fromOption != null) return fromOption;
        String fromEnv = env.get(envName(key));
        if (fromEnv != null && !fromEnv.isEmpty()) return fromEnv;
        String fromFile = file.getProperty(key, fallback);
        return fromFile == null ? null : fromFile.strip();
    }

    /** "db.url" is read from GAZETTE_DB_URL. */
    static String envName(String key) {
        return "GAZETTE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("port must be a number from 0 to 65535 (0 picks a free one), not '" + value + "'");
    }

    /** Checked against the spam threshold: discarding what is not even held as spam makes no sense. */
    private double discardThreshold(double spam) {
        double discard = probability("shield.discard-threshold", get("shield.discard-threshold", "0.995"));
        if (discard < spam) {
            throw new IllegalArgumentException("shield.discard-threshold (" + discard + ") must not be below"
                    + " shield.spam-threshold (" + spam + ")");
        }
        return discard;
    }

    private static double probability(String key, String value) {
        try {
            double p = Double.parseDouble(value.strip());
            if (p > 0 && p < 1) return p;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(key + " must be a probability between 0 and 1 (such as 0.75), not '" + value + "'");
    }

    private static double seconds(String key, String value) {
        try {
            double seconds = Double.parseDouble(value.strip());
            if (seconds >= 0 && seconds <= 600) return seconds;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(key + " must be a number of seconds from 0 to 600, not '" + value + "'");
    }

    private static boolean bool(String key, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
        };
    }

    private static Properties read(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the config file " + path + ": " + e.getMessage(), e);
        }
    }
}
