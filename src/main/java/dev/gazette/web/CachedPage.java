package dev.gazette.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A rendered response body with its validator, computed once however often it is served. */
public record CachedPage(String contentType, byte[] body, String etag) {

    public static CachedPage of(String contentType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new CachedPage(contentType, bytes, etag(digest(bytes)));
    }

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
