package dev.gazette.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other nodes what changed, by PostgreSQL's LISTEN/NOTIFY: small payloads (keys, ids), sent in the
 * transaction of the change where the caller has one, so a notice never arrives before the change is visible and never
 * arrives for a change rolled back. One connection of the node's own listens; when it is lost, {@link #live()} is false
 * (callers fall back to polling), it comes back by itself, and every subscriber is told to resynchronise, as notices
 * may have been missed meanwhile. On SQLite there is one node and nothing to tell.
 */
public final class Notices implements AutoCloseable {
    /** PostgreSQL refuses payloads of 8000 bytes or more; callers send less or fall back to a coarser notice. */
    public static final int MAX_PAYLOAD = 7000;
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final Duration RECONNECT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private record Subscriber(Consumer<String> onNotice, Runnable onResync) {}

    private final Database database;
    // A notice carries the sending node's id, so a node skips what it did itself (it has already applied it).
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> applied = new ConcurrentHashMap<>();
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(r -> daemon(r, "gazette-notices-apply"));
    private volatile boolean live;
    private volatile boolean closed;
    private Thread listener;

    public Notices(Database database) {
        this.database = database;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Whether changes on other nodes reach this one as they happen: always on SQLite, while listening on PostgreSQL. */
    public boolean live() {
        return database.dialect() != Dialect.POSTGRESQL || live;
    }

    /**
     * Calls {@code onNotice} with each payload another node sends on the channel, and {@code onResync} after the
     * listening connection was lost and found again.
     *
     * @param channel a lower-case identifier, the same on every node
     */
    public void subscribe(String channel, Consumer<String> onNotice, Runnable onResync) {
        if (!channel.matches("[a-z_]{1,60}")) throw new IllegalArgumentException("Bad channel name: " + channel);
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(new Subscriber(onNotice, onResync));
    }

    /**
     * Sends a notice in its own statement, for changes already committed (or made outside a transaction). Its commit
     * does not wait for the disk: a notice is worth nothing after a crash of the database, when every listener loses
     * its connection and catches up anyway, and a notifying transaction's flush holds up every other one's.
     */
    public void publish(String channel, String payload) {
        if (database.dialect() != Dialect.POSTGRESQL) return;
        database.writes().useHandle(h -> h.createQuery("SELECT set_config('synchronous_commit', 'off', true),"
                        + " pg_notify(:channel, :payload)")
                .bind("channel", channel).bind("payload", text(payload)).mapTo(String.class).findOne());
    }

    /** Sends a notice within the caller's transaction: PostgreSQL delivers it when, and only if, that commits. */
    public void publish(Handle handle, String channel, String payload) {
        if (database.dialect() != Dialect.POSTGRESQL) return;
        handle.createQuery("SELECT pg_notify(:channel, :payload)")
                .bind("channel", channel).bind("payload", text(payload)).mapTo(String.class).findOne();
    }

    private String text(String payload) {
        String text = node + " " + payload;
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("A notice must stay under " + MAX_PAYLOAD + " bytes");
        }
        return text;
    }

    /**
     * How many notices from other nodes on this channel were applied here since start (one per subscriber), catch-ups
     * after a lost connection not included: a change that reached this node by a notice, not by polling.
     */
    public long applied(String channel) {
        AtomicLong n = applied.get(channel);
        return n == null ? 0 : n.get();
    }

    /** Starts listening (PostgreSQL only). */
    public synchronized void start() {
        if (database.dialect() != Dialect.POSTGRESQL || listener != null) return;
        listener = daemon(this::listen, "gazette-notices");
        listener.start();
    }

    private void listen() {
        boolean first = true;
        while (!closed) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                for (String channel : subscribers.keySet()) s.execute("LISTEN " + channel); // names checked above
                live = true;
                if (!first) {
                    log.info("Listening for other nodes' changes again; catching up on what was missed");
                    resyncAll();
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications((int) HEARTBEAT.toMillis());
                    if (got == null || got.length == 0) {
                        // Quiet: make sure the connection still answers, or a dead one would look like a quiet site.
                        s.execute("SELECT 1");
                        continue;
                    }
                    for (PGNotification n : got) deliver(n.getName(), n.getParameter());
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) return;
                if (live || first) {
                    log.warn("Lost the connection that hears other nodes' changes ({}); polling until it is back",
                            Database.rootMessage(e));
                }
                live = false;
                first = false;
                sleep(RECONNECT);
            }
        }
    }

    private void deliver(String channel, String text) {
        int space = text.indexOf(' ');
        if (space < 0 || text.substring(0, space).equals(node)) return;
        String payload = text.substring(space + 1);
        for (Subscriber s : subscribers.getOrDefault(channel, List.of())) {
            deliveries.execute(() -> {
                try {
                    s.onNotice().accept(payload);
                    applied.computeIfAbsent(channel, c -> new AtomicLong()).incrementAndGet();
                } catch (RuntimeException e) {
                    log.warn("A notice on {} could not be applied: {}", channel, e.getMessage());
                }
            });
        }
    }

    private void resyncAll() {
        for (List<Subscriber> list : subscribers.values()) {
            for (Subscriber s : list) {
                deliveries.execute(() -> {
                    try {
                        s.onResync().run();
                    } catch (RuntimeException e) {
                        log.warn("Catching up after a lost connection failed: {}", e.getMessage());
                    }
                });
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = listener;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deliveries.shutdown();
    }
}
