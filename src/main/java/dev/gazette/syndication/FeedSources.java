package dev.gazette.syndication;

import dev.gazette.store.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agency feeds polled on a schedule: a conditional GET (ETag, Last-Modified) with a timeout, the new stories
 * imported with their source named, and after a failure a longer wait each time, with the error kept in words.
 */
public final class FeedSources {
    static final Duration MAX_BACKOFF = Duration.ofHours(24);

    private final FeedSourceStore store;
    private final FeedImporter importer;
    private final FeedFetcher fetcher;
    private final Clock clock;

    public FeedSources(FeedSourceStore store, FeedImporter importer, FeedFetcher fetcher, Clock clock) {
        this.store = store;
        this.importer = importer;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** Adds a source; the messages say, by field, what to fix. */
    public Map<String, String> add(String url, String outlet, String agency, String section, String pollMinutes,
                                   boolean publish) {
        Map<String, String> errors = new LinkedHashMap<>();
        String u = url.strip();
        fetcher.problemWith(u).ifPresent(problem -> errors.put("url", problem));
        int minutes = 0;
        try {
            minutes = Integer.parseInt(pollMinutes.strip());
        } catch (NumberFormatException e) {
            minutes = 0;
        }
        if (minutes < 5 || minutes > 1440) errors.put("poll", "Poll every 5 to 1440 minutes.");
        if (section.isBlank()) errors.put("section", "Choose the section the stories go in.");
        if (errors.isEmpty() && store.all().stream().anyMatch(s -> s.url().equals(u))) {
            errors.put("url", "This feed is already a source.");
        }
        if (errors.isEmpty()) {
            try {
                store.insert(u, outlet.strip(), agency.strip(), section.strip(), minutes, publish, clock.instant());
            } catch (RuntimeException e) {
                if (!Database.isUniqueViolation(e)) throw e;
                errors.put("url", "This feed is already a source.");
            }
        }
        return errors;
    }

    public List<FeedSource> all() {
        return store.all();
    }

    public void delete(long id) {
        store.delete(id);
    }

    public void pollSoon(long id) {
        store.pollNow(id, clock.instant());
    }

    /** Polls every source whose time has come; returns how many stories were added. */
    public int pollDue() {
        int added = 0;
        for (FeedSource source : store.due(clock.instant())) added += poll(source);
        return added;
    }

    int poll(FeedSource source) {
        Instant now = clock.instant();
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            if (!source.etag().isEmpty()) headers.put("If-None-Match", source.etag());
            if (!source.lastModified().isEmpty()) headers.put("If-Modified-Since", source.lastModified());
            FeedFetcher.Fetched fetched = fetcher.get(source.url(), headers);
            Instant next = now.plus(Duration.ofMinutes(source.pollMinutes()));
            if (fetched.notModified()) {
                store.polled(source.id(), source.etag(), source.lastModified(), 0, now, next);
                return 0;
            }
            FeedImporter.Report report = importer.importFeed(new ByteArrayInputStream(fetched.body()), source.outlet(),
                    source.agency(), source.section(), !source.publish());
            store.polled(source.id(), fetched.etag(), fetched.lastModified(), report.added().size(), now, next);
            return report.added().size();
        } catch (IOException e) {
            fail(source, Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()), now);
        }
        return 0;
    }

    private void fail(FeedSource source, String error, Instant now) {
        // Twice as long after each failure in a row, up to a day: a broken feed is not hammered.
        Duration wait = Duration.ofMinutes(source.pollMinutes()).multipliedBy(1L << Math.min(10, source.failures() + 1));
        store.failed(source.id(), error, now, now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait));
    }
}
