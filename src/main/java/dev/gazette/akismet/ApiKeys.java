package dev.gazette.akismet;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.gazette.store.Hashes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Issues, checks and revokes API keys. A key is shown once, when made; only its hash is stored. */
public final class ApiKeys {
    /** The notice channel of revoked keys: every node forgets the keys it holds, so a revoked key is refused at once. */
    public static final String CHANNEL = "gazette_keys";
    /** Lowercase letters and digits only, so a key can stand as the first label of a host name. */
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]{12,64}");
    /** Akismet's own alphabet: its WordPress plugin drops every other character from a key typed on its settings page. */
    private static final char[] ALPHABET = "0123456789abcdef".toCharArray();
    /** As long as Akismet's keys: its WordPress plugin refuses any other length before asking the server. */
    static final int LENGTH = 12;
    /** What staff see of a key: enough to tell keys apart, little of the 48 bits. */
    static final int PREFIX = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AkismetStore store;
    private final Clock clock;
    // Every check looks its key up; a revoked key stops working at once on the node that revoked it, at once on the
    // others through a notice (see forgetAll), and within this lifetime when notices are not heard. Keyed by the key
    // as sent, so a hot path skips hashing; the cache lives in memory only, like the request that carried the key.
    private final LoadingCache<String, Optional<ApiKey>> byKey;

    public ApiKeys(AkismetStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.byKey = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30))
                .build(key -> store.byHash(hash(key)));
    }

    /** Makes a key for a site; the returned text is the only time the key is seen. */
    public String add(String siteUrl) {
        if (siteUrl.isBlank()) throw new IllegalArgumentException("Give the site's address, like https://blog.example");
        // 12 hex digits: 48 random bits. Enough for what a key guards (a site's use of the shield and its own
        // counts and lessons, never the site itself), since keys can only be guessed online, where unknown keys are
        // answered slowly per address (AkismetRoutes), and a key is revoked at once; the README has the sums.
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        String text = key.toString();
        store.insertKey(hash(text), text.substring(0, PREFIX), siteUrl.strip(), clock.instant());
        return text;
    }

    /** The active key this text names, if any. */
    public Optional<ApiKey> find(String key) {
        if (key == null || key.length() < 12 || key.length() > 64 || !FORMAT.matcher(key).matches()) return Optional.empty();
        return byKey.get(key).filter(ApiKey::active);
    }

    public List<ApiKey> all() {
        return store.all();
    }

    /**
     * Revokes the key that starts with this prefix (as listed); true when one was active. Short keys show only
     * {@value #PREFIX} characters, which two keys may share: then nothing is revoked and the error says so.
     */
    public boolean revoke(String prefix) {
        long active = all().stream().filter(k -> k.active() && k.prefix().equals(prefix)).count();
        if (active > 1) {
            throw new IllegalArgumentException(active + " active keys start with " + prefix
                    + "; revoke the right one from the newsroom's API keys page, where each has its own button.");
        }
        return revokeWhere(all().stream().filter(k -> k.active() && k.prefix().equals(prefix)).findFirst());
    }

    /** Revokes the key with this id, as listed in the newsroom; true when it was active. */
    public boolean revoke(long id) {
        return revokeWhere(all().stream().filter(k -> k.active() && k.id() == id).findFirst());
    }

    private boolean revokeWhere(Optional<ApiKey> key) {
        boolean revoked = key.isPresent() && store.revoke(key.get().id(), clock.instant());
        byKey.invalidateAll();
        return revoked;
    }

    /** Drops every key held in memory: another node revoked one. */
    public void forgetAll() {
        byKey.invalidateAll();
    }

    static boolean looksLikeKey(String text) {
        return FORMAT.matcher(text).matches();
    }

    static String hash(String key) {
        return Hashes.sha256Hex(key);
    }
}
