package dev.gazette.akismet;

import java.time.Instant;
import java.util.Optional;

/** A key of the Akismet-compatible API as stored: never the key itself, only its hash and first characters. */
public record ApiKey(long id, String prefix, String siteUrl, Instant createdAt, Optional<Instant> revokedAt,
                     KeyStats stats) {
    public boolean active() {
        return revokedAt.isEmpty();
    }
}
