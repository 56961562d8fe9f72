package dev.gazette.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A rendered response body with its validator, computed once however often it is served; a shared page also keeps
 * its gzip and Brotli bytes (empty when not made), so no request compresses it again.
 */
public record CachedPage(String contentType, byte[] body, String etag, byte[] gzip, byte[] brotli) {

    /** A body sent as it is (Jetty may still compress it on the way out). */
    public static CachedPage of(String contentType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new CachedPage(contentType, bytes, etag(digest(bytes)), new byte[0], new byte[0]);
    }

    /** A body compressed now in every encoding browsers ask for, to be kept and sent many times. */
    public static CachedPage compressed(String contentType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < Compression.MIN_BYTES) return new CachedPage(contentType, bytes, etag(digest(bytes)),
                new byte[0], new byte[0]);
        return new CachedPage(contentType, bytes, etag(digest(bytes)), Compression.gzip(bytes), Compression.brotli(bytes));
    }

    boolean isCompressed() {
        return gzip.length > 0;
    }

    /** The bytes to send to a browser that sent this {@code Accept-Encoding}, and their coding (null: as they are). */
    Encoded encodedFor(String acceptEncoding) {
        if (!isCompressed()) return new Encoded(null, body);
        return switch (AcceptEncoding.choose(acceptEncoding, brotli.length > 0)) {
            case BROTLI -> new Encoded("br", brotli);
            case GZIP -> new Encoded("gzip", gzip);
            case IDENTITY -> new Encoded(null, body);
        };
    }

    /** Bytes on the wire and their {@code Content-Encoding}, null for none. */
    record Encoded(String coding, byte[] bytes) {}

    /** A weak validator: the bytes on the wire change with compression, the meaning does not. */
    public static String etag(String digest) {
        return "W/\"" + digest + "\"";
    }

    /** A short SHA-256 digest, URL-safe: enough to tell two versions of a page apart. */
    public static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
