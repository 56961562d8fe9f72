package dev.gazette.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the caches in front of the site (Varnish with {@code deploy/varnish/gazette.vcl}) which content changed:
 * {@code PURGE /} with the keys in an {@code xkey-purge} header, to every configured cache. It works in the
 * background on a bounded queue with short timeouts, so a slow or dead cache never slows the person whose change
 * it was; when the queue overflows, the next request purges everything rather than leave a page stale.
 * Each purge is sent again a little later: a page the cache fetched while the change was being made (or from
 * another node whose own page cache had not yet expired) would otherwise stay there until it expires.
 */
public final class EdgePurger implements AutoCloseable {
    /** The request header that names the keys to purge; the VCL reads it. */
    public static final String HEADER = "xkey-purge";
    private static final Logger log = LoggerFactory.getLogger(EdgePurger.class);
    private static final int QUEUE = 1_000;
    // Varnish refuses request headers over 8 KB by default.
    private static final int MAX_HEADER = 4_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final List<URI> caches;
    private final Clock clock;
    private final BlockingQueue<SurrogateKeys> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final Map<URI, Instant> warned = new ConcurrentHashMap<>();
    private final HttpClient client;
    private final Thread worker;
    private final ScheduledExecutorService later;
    private final Duration repeatAfter;

    /**
     * @param caches      the caches to purge; none means nothing is sent and no thread runs
     * @param repeatAfter when to send each purge again: as long as a node keeps a page in its own cache
     */
    public EdgePurger(List<URI> caches, Duration repeatAfter, Clock clock) {
        this.caches = List.copyOf(caches);
        this.clock = clock;
        this.repeatAfter = repeatAfter;
        this.later = caches.isEmpty() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edge-purger-repeat");
            t.setDaemon(true);
            return t;
        });
        this.client = caches.isEmpty() ? null : HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.worker = caches.isEmpty() ? null : new Thread(this::work, "edge-purger");
        if (worker != null) {
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Queues a purge of these keys at every cache; returns at once. */
    public void purge(SurrogateKeys keys) {
        if (worker == null) return;
        enqueue(keys);
        later.schedule(() -> enqueue(keys), repeatAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void enqueue(SurrogateKeys keys) {
        if (!queue.offer(keys)) overflowed.set(true);
    }

    private void work() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<SurrogateKeys> batch = new ArrayList<>();
                batch.add(queue.take());
                queue.drainTo(batch);
                Set<String> keys = new LinkedHashSet<>();
                batch.forEach(k -> keys.addAll(k.keys()));
                if (overflowed.getAndSet(false) || batch.stream().anyMatch(SurrogateKeys::isEverything)) {
                    keys.clear();
                    keys.add(SurrogateKeys.SITE);
                }
                for (String header : headers(keys)) send(header);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The keys, space-separated, in as few headers as fit. */
    static List<String> headers(Set<String> keys) {
        return SurrogateKeys.joined(keys, MAX_HEADER);
    }

    private void send(String keys) {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (URI cache : caches) {
            HttpRequest request = HttpRequest.newBuilder(cache).timeout(TIMEOUT)
                    .method("PURGE", HttpRequest.BodyPublishers.noBody()).header(HEADER, keys).build();
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> {
                        if (response.statusCode() / 100 != 2) warn(cache, "it answered " + response.statusCode());
                    })
                    .exceptionally(e -> {
                        warn(cache, String.valueOf(e.getCause() == null ? e : e.getCause()));
                        return null;
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    private void warn(URI cache, String why) {
        Instant now = clock.instant();
        Instant last = warned.get(cache);
        if (last != null && last.plus(WARN_EVERY).isAfter(now)) return;
        warned.put(cache, now);
        // Only the cache and the reason: the keys name content, never people, but are not needed to act.
        log.warn("Could not purge the cache at {} ({}). Changed pages there stay stale until they expire"
                + " (cache.max-age); check that the cache runs and allows PURGE from this host. Said once a minute.",
                cache, why);
    }

    @Override
    public void close() {
        if (worker != null) worker.interrupt();
        if (later != null) later.shutdownNow();
    }
}
