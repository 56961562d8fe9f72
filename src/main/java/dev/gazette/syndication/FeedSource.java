package dev.gazette.syndication;

import java.time.Instant;
import java.util.Optional;

/** An agency feed the site polls, and how its last poll went. */
public record FeedSource(long id, String url, String outlet, String agency, String section, int pollMinutes,
                         boolean publish, String etag, String lastModified, Instant nextPollAt,
                         Optional<Instant> lastPolledAt, int failures, String lastError, int lastAdded) {}
