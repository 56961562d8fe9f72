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
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
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
        // 24 characters of 5 random bits each: 120 bits, beyond guessing.
        StringBuilder key = new StringBuilder(24);
        for (int i = 0; i < 24; i++) key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        String text = key.toString();
        store.insertKey(hash(text), text.substring(0, 6), siteUrl.strip(), clock.instant());
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

    /** Revokes the key that starts with this prefix (as listed); true when one was active. */
    public boolean revoke(String prefix) {
        boolean revoked = store.revoke(prefix, clock.instant());
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
