package dev.gazette.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A rendered response body with its validator, computed once however often it is served. */
public record CachedPage(String contentType, byte[] body, String etag) {

    public static CachedPage of(String contentType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // Weak: the bytes on the wire change with compression, the meaning does not.
        return new CachedPage(contentType, bytes, "W/\"" + digest(bytes) + "\"");
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
