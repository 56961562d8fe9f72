package dev.gazette.store;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/** The site's own random key, made once and shared by every node: signs tokens and keys hashes with HMAC-SHA256. */
public final class SiteSecret {
    // Initialised once with the key; each signature works on a clone, as a Mac is not safe across threads and
    // looking one up and keying it for every signature cost more than the signature itself.
    private final Mac keyed;

    private SiteSecret(byte[] secret) {
        try {
            this.keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Reads the key, creating it on first start; concurrent first starts agree on one key. */
    public static SiteSecret load(Database db) {
        Jdbi jdbi = db.writes();
        String fresh = Base64.getEncoder().encodeToString(random(32));
        String value = jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO site_secret (id, value) VALUES (1, :v) ON CONFLICT (id) DO NOTHING")
                    .bind("v", fresh).execute();
            return h.createQuery("SELECT value FROM site_secret WHERE id = 1").mapTo(String.class).one();
        });
        return new SiteSecret(Base64.getDecoder().decode(value));
    }

    /** A key for tests and tools that need no database. */
    public static SiteSecret of(byte[] secret) {
        return new SiteSecret(secret.clone());
    }

    /** HMAC-SHA256 of the text, URL-safe Base64 without padding. */
    public String sign(String text) {
        try {
            Mac mac = (Mac) keyed.clone();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's HmacSHA256 can be cloned", e);
        }
    }

    /** Compares a signature in constant time. */
    public boolean verify(String text, String signature) {
        return MessageDigest.isEqual(
                sign(text).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
