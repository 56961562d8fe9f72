package dev.gazette.akismet;

import dev.gazette.spam.Decision;
import dev.gazette.spam.SpamShield;
import dev.gazette.spam.Verdict;
import dev.gazette.store.Jobs;
import dev.gazette.web.ClientRequest;
import dev.gazette.web.RateLimiter;
import dev.gazette.web.Routes;
import dev.gazette.web.Throttle;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Akismet-compatible REST API (1.1, and 1.2's usage limit), so clients written for Akismet can use this
 * site's shield. Answers are plain text, as Akismet's are; what went wrong is told in X-akismet-debug-help.
 */
public final class AkismetRoutes implements Routes {
    static final String THANKS = "Thanks for making the web a better place.";
    static final String TEST_SPAM_AUTHOR = "viagra-test-123";
    static final String TEST_SPAM_EMAIL = "akismet-guaranteed-spam@example.com";

    private final ApiKeys keys;
    private final AkismetStore store;
    private final CheckLog log;
    private final SpamShield shield;
    private final KeyLessons lessons;
    private final Throttle limiter;
    /**
     * Unknown keys per client address: a 12-character key is 48 random bits, safe against guessing only while
     * guesses are slow. Thirty a minute lets a site with a revoked key see "invalid"; a guesser gets 429s. Counted
     * by the same limiter as the keys' own limits, so on several nodes they are the site's thirty, not each node's.
     */
    static final RateLimiter.Rate GUESSES = RateLimiter.Rate.perMinute(30);
    private final RateLimiter.Rate rate;
    private final Clock clock;
    private final Duration retention;

    public AkismetRoutes(ApiKeys keys, AkismetStore store, SpamShield shield, AkismetSettings settings, Clock clock) {
        this(keys, store, shield, settings, clock, Throttle.inMemory(Duration.ofMinutes(10)));
    }

    /** @param limiter where each key's requests are counted: this node's memory, or the database all nodes share */
    public AkismetRoutes(ApiKeys keys, AkismetStore store, SpamShield shield, AkismetSettings settings, Clock clock,
                         Throttle limiter) {
        this.limiter = limiter;
        this.keys = keys;
        this.store = store;
        this.shield = shield;
        this.lessons = new KeyLessons(store);
        this.clock = clock;
        this.retention = settings.retention();
        this.rate = RateLimiter.Rate.perMinute(settings.requestsPerMinute());
        this.log = new CheckLog(store, clock, settings.retention());
    }

    @Override
    public void addTo(RoutesConfig routes) {
        for (String version : List.of("1.1", "1.2")) {
            routes.post("/" + version + "/verify-key", this::verifyKey);
            routes.post("/" + version + "/comment-check", this::commentCheck);
            routes.post("/" + version + "/submit-spam", ctx -> feedback(ctx, true));
            routes.post("/" + version + "/submit-ham", ctx -> feedback(ctx, false));
            routes.get("/" + version + "/usage-limit", this::usageLimit);
            routes.get("/" + version + "/key-stats", this::keyStats);
            // What WordPress's Akismet plugin also asks, so its settings page accepts a key and shows its counts.
            routes.post("/" + version + "/get-subscription", this::subscription);
            routes.post("/" + version + "/get-stats", this::wordPressStats);
            routes.post("/" + version + "/deactivate", this::deactivate);
            routes.get("/" + version + "/test", ctx -> text(ctx, "connected"));
        }
    }

    /** Other sites' servers call the API; the cross-site check is for browsers' forms. */
    @Override
    public List<String> openPaths() {
        return List.of("/1.1/", "/1.2/");
    }

    /** Declares the check log's jobs: this node's queue flushed often, old checks deleted hourly by one node. */
    public void declareJobs(Jobs jobs) {
        jobs.every("akismet-log-flush", CheckLog.FLUSH_EVERY, CheckLog.FLUSH_EVERY, log::flushQuietly,
                Jobs.Scope.EACH_NODE);
        jobs.every("akismet-log-purge", Duration.ZERO, Duration.ofHours(1), log::purge,
                Jobs.Scope.ONE_NODE);
    }

    /** Writes pending checks; for shutdown. */
    public void close() {
        log.close();
    }

    private void verifyKey(Context ctx) {
        if (keyInAddress(ctx)) return;
        AkismetParams params = params(ctx);
        String key = params.has("key") ? params.get("key") : params.get("api_key");
        if (key.isBlank() || keys.find(key).isEmpty()) {
            if (tooManyGuesses(ctx)) return;
            ctx.header("X-akismet-debug-help", key.isBlank() ? "Send your API key in the key parameter."
                    : "This key is not known to this server, or it was revoked. Ask the site's staff for a key.");
            text(ctx, "invalid");
            return;
        }
        text(ctx, "valid");
    }

    private void commentCheck(Context ctx) {
        if (keyInAddress(ctx)) return;
        AkismetParams params = params(ctx);
        Optional<ApiKey> key = authorize(ctx, params);
        if (key.isEmpty()) return;
        for (String required : List.of("blog", "user_ip")) {
            if (!params.has(required)) {
                ctx.header("X-akismet-debug-help", "Missing required field: " + required + ".");
                text(ctx, "Missing required field: " + required + ".");
                return;
            }
        }
        String guid = guid();
        ctx.header("X-akismet-guid", guid);
        boolean spam;
        boolean discard = false;
        if (params.get("user_role").strip().equalsIgnoreCase("administrator")) {
            spam = false; // documented test value: staff are never spam
        } else if (params.get("comment_author").strip().equalsIgnoreCase(TEST_SPAM_AUTHOR)
                || params.get("comment_author_email").strip().equalsIgnoreCase(TEST_SPAM_EMAIL)) {
            spam = true; // documented test values: always spam
        } else {
            Verdict verdict = shield.check(params.submission(clock));
            spam = verdict.isSpam();
            discard = verdict.decision() == Decision.DISCARD;
            // The key's own reports come next, above the site's model but below certain signals (a filled
            // honeypot says nothing about the text a key called ham).
            Optional<Boolean> own = verdict.certain() ? Optional.empty()
                    : lessons.taught(key.get().id(), params.get("comment_content"));
            if (own.isPresent()) {
                spam = own.get();
                discard = discard && spam;
            }
        }
        if (discard) ctx.header("X-akismet-pro-tip", "discard");
        log.add(new CheckLog.Entry(guid, key.get().id(), clock.instant(), spam, params, !params.isTest()));
        text(ctx, spam ? "true" : "false");
    }

    /**
     * A key's report teaches that key's own layer ({@link KeyLessons}), never the site's shield: the API's clients
     * are outsiders, and one key's 800 reports once made the site discard a reader's reply unseen.
     */
    private void feedback(Context ctx, boolean spam) {
        if (keyInAddress(ctx)) return;
        AkismetParams params = params(ctx);
        Optional<ApiKey> key = authorize(ctx, params);
        if (key.isEmpty()) return;
        String text = params.get("comment_content");
        log.flush();
        // By guid when the client kept it; else, as WordPress's Akismet plugin reports, by the comment's own fields.
        Optional<AkismetStore.StoredCheck> earlier = params.has("guid") ? store.check(params.get("guid"), key.get().id())
                : text.isBlank() ? Optional.empty()
                : store.matching(key.get().id(), params.matchHash(), clock.instant().minus(retention));
        if (earlier.isPresent()) {
            // The fields sent again are what the client will check again; a guid alone names the check's.
            if (text.isBlank()) text = AkismetParams.fromJson(earlier.get().params()).get("comment_content");
            if (!params.isTest()) store.recordFeedback(key.get().id(), earlier.get().guid(), spam);
        }
        if (!params.isTest()) lessons.teach(key.get().id(), text, spam);
        text(ctx, THANKS);
    }

    private void usageLimit(Context ctx) {
        Optional<ApiKey> key = authorize(ctx, params(ctx));
        if (key.isEmpty()) return;
        log.flush();
        ApiKey current = keys.all().stream().filter(k -> k.id() == key.get().id()).findFirst().orElse(key.get());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("limit", "none");
        json.put("usage", current.stats().checks());
        json.put("percentage", "0.00");
        json.put("throttled", false);
        ctx.json(json);
    }

    private void keyStats(Context ctx) {
        Optional<ApiKey> key = authorize(ctx, params(ctx));
        if (key.isEmpty()) return;
        log.flush();
        KeyStats s = keys.all().stream().filter(k -> k.id() == key.get().id()).findFirst().orElse(key.get()).stats();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checks", s.checks());
        json.put("spam", s.spam());
        json.put("ham", s.ham());
        json.put("missed_spam", s.missedSpam());
        json.put("false_positives", s.falsePositives());
        json.put("accuracy", Math.round(s.accuracy() * 10_000) / 10_000.0);
        ctx.json(json);
    }

    /**
     * The key from {@code api_key} or {@code key}, or from the host name as older clients send it
     * ({@code KEY.rest.example.org}); answers "invalid" or 429 itself when the call may not go on.
     */
    private Optional<ApiKey> authorize(Context ctx, AkismetParams params) {
        return authorize(ctx, params.has("api_key") ? params.get("api_key") : params.has("key") ? params.get("key") : fromHost(ctx));
    }

    /**
     * For the calls about a key itself (its account, its counts), {@code key} names it: the Akismet plugin sends the
     * key being saved there, beside the {@code api_key} it saved before.
     */
    private Optional<ApiKey> authorizeNamed(Context ctx, AkismetParams params) {
        return params.has("key") ? authorize(ctx, params.get("key")) : authorize(ctx, params);
    }

    private Optional<ApiKey> authorize(Context ctx, String key) {
        Optional<ApiKey> found = keys.find(key);
        if (found.isEmpty()) {
            if (tooManyGuesses(ctx)) return Optional.empty();
            ctx.header("X-akismet-debug-help", key.isBlank()
                    ? "Send your API key in the api_key parameter, or as the first part of the host name."
                    : "This key is not known to this server, or it was revoked.");
            text(ctx, "invalid");
            return Optional.empty();
        }
        long wait = limiter.take("akismet-key:" + found.get().id(), rate, System.nanoTime());
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            ctx.header("X-akismet-debug-help", "Too many requests for this key; try again in " + wait + " s.");
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            text(ctx, "Too many requests");
            return Optional.empty();
        }
        return found;
    }

    /** Answers 429 when this address has sent too many unknown keys lately; true when it did. */
    private boolean tooManyGuesses(Context ctx) {
        long wait = limiter.take("akismet-guess:" + ClientRequest.of(ctx).address(), GUESSES, System.nanoTime());
        if (wait <= 0) return false;
        ctx.header("Retry-After", String.valueOf(wait));
        ctx.header("X-akismet-debug-help", "Too many unknown keys from this address; try again in " + wait + " s.");
        ctx.status(HttpStatus.TOO_MANY_REQUESTS);
        text(ctx, "Too many requests");
        return true;
    }

    /**
     * The account behind a key, as WordPress's Akismet plugin asks before it saves a key: a Gazette key is active
     * until revoked, and belongs to the site it was made for.
     */
    private void subscription(Context ctx) {
        if (keyInAddress(ctx)) return;
        Optional<ApiKey> key = authorizeNamed(ctx, params(ctx));
        if (key.isEmpty()) return;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_id", key.get().id());
        json.put("account_name", "Gazette shield for " + key.get().siteUrl());
        json.put("account_type", "self-hosted");
        json.put("status", "active");
        json.put("next_billing_date", null);
        json.put("limit_reached", false);
        ctx.json(json);
    }

    /** The key's counts as the Akismet plugin's settings page shows them; Gazette keeps lifetime counts only. */
    private void wordPressStats(Context ctx) {
        if (keyInAddress(ctx)) return;
        Optional<ApiKey> key = authorizeNamed(ctx, params(ctx));
        if (key.isEmpty()) return;
        log.flush();
        KeyStats s = keys.all().stream().filter(k -> k.id() == key.get().id()).findFirst().orElse(key.get()).stats();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("spam", s.spam());
        json.put("ham", s.ham());
        json.put("missed_spam", s.missedSpam());
        json.put("false_positives", s.falsePositives());
        json.put("accuracy", Math.round(s.accuracy() * 10_000) / 100.0); // a percentage, as Akismet sends it
        json.put("time_saved", 0);
        ctx.json(json);
    }

    /** The plugin tells the server it stops using a key; the key stays valid until the site's staff revoke it. */
    private void deactivate(Context ctx) {
        if (keyInAddress(ctx)) return;
        AkismetParams params = params(ctx);
        if (authorizeNamed(ctx, params).isEmpty()) return;
        text(ctx, "deactivated");
    }

    /**
     * Refuses a POST whose address carries a key: addresses are written to proxy and access logs, bodies are not.
     * Answered as an unknown key is, which every client already handles.
     */
    private static boolean keyInAddress(Context ctx) {
        if (ctx.queryParam("api_key") == null && ctx.queryParam("key") == null) return false;
        ctx.header("X-akismet-debug-help", "Send the key in the POST body, not the address: keys in addresses end up in logs.");
        text(ctx, "invalid");
        return true;
    }

    /**
     * A random id for the check. It needs to be unique, not secret (feedback by guid also needs the key that made
     * the check), so a fast thread-local source serves instead of the contended secure one.
     */
    private static String guid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String fromHost(Context ctx) {
        String host = ctx.header("Host");
        if (host == null) return "";
        int dot = host.indexOf('.');
        String first = dot > 0 ? host.substring(0, dot).toLowerCase(Locale.ROOT) : "";
        return ApiKeys.looksLikeKey(first) ? first : "";
    }

    private static AkismetParams params(Context ctx) {
        Map<String, String> fields = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> fields.put(k, v.isEmpty() ? "" : v.get(0)));
        ctx.formParamMap().forEach((k, v) -> fields.put(k, v.isEmpty() ? "" : v.get(0)));
        return new AkismetParams(fields);
    }

    private static void text(Context ctx, String body) {
        ctx.contentType("text/plain; charset=utf-8").result(body);
    }
}
