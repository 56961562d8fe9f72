package dev.gazette.syndication;

import dev.gazette.store.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
    static final int MAX_FEED_BYTES = 10_000_000;

    private final FeedSourceStore store;
    private final FeedImporter importer;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public FeedSources(FeedSourceStore store, FeedImporter importer, Duration timeout, Clock clock) {
        this.store = store;
        this.importer = importer;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Adds a source; the messages say, by field, what to fix. */
    public Map<String, String> add(String url, String outlet, String agency, String section, String pollMinutes,
                                   boolean publish) {
        Map<String, String> errors = new LinkedHashMap<>();
        String u = url.strip();
        if (!u.matches("https?://[^\\s/]+\\.[^\\s]+|https?://localhost[:/]\\S*|https?://127\\.0\\.0\\.1[:/]\\S*")) {
            errors.put("url", "Enter the feed's address, starting with http:// or https://.");
        }
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
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(source.url())).timeout(timeout)
                    .header("User-Agent", "Gazette feed reader").GET();
            if (!source.etag().isEmpty()) request.header("If-None-Match", source.etag());
            if (!source.lastModified().isEmpty()) request.header("If-Modified-Since", source.lastModified());
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            Instant next = now.plus(Duration.ofMinutes(source.pollMinutes()));
            byte[] body;
            try (InputStream in = response.body()) {
                if (response.statusCode() == 304) {
                    store.polled(source.id(), source.etag(), source.lastModified(), 0, now, next);
                    return 0;
                }
                if (response.statusCode() != 200) throw new IOException("the server answered " + response.statusCode());
                // Read one byte past the limit, no more: a huge feed is refused without being held.
                body = in.readNBytes(MAX_FEED_BYTES + 1);
            }
            if (body.length > MAX_FEED_BYTES) {
                throw new IOException("the feed is larger than " + MAX_FEED_BYTES / 1_000_000 + " MB");
            }
            FeedImporter.Report report = importer.importFeed(new ByteArrayInputStream(body), source.outlet(),
                    source.agency(), source.section(), !source.publish());
            store.polled(source.id(), response.headers().firstValue("ETag").orElse(""),
                    response.headers().firstValue("Last-Modified").orElse(""), report.added().size(), now, next);
            return report.added().size();
        } catch (HttpTimeoutException e) {
            fail(source, "no answer within " + timeout.toSeconds() + " s", now);
        } catch (IOException | IllegalArgumentException e) {
            fail(source, Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void fail(FeedSource source, String error, Instant now) {
        // Twice as long after each failure in a row, up to a day: a broken feed is not hammered.
        Duration wait = Duration.ofMinutes(source.pollMinutes()).multipliedBy(1L << Math.min(10, source.failures() + 1));
        store.failed(source.id(), error, now, now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait));
    }
}
