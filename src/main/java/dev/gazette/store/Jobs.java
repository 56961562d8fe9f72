package dev.gazette.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler of a node's background work. Each job is declared with {@link #every}, runs once {@link #start()}
 * is called, and stops on {@link #close()}.
 *
 * <p>A {@link Scope#ONE_NODE} job runs, on PostgreSQL, only on the node holding its advisory lock. The locks are
 * session locks held on one connection of the node's own for as long as it leads, rather than transaction locks taken
 * per run: a per-run lock only keeps two runs from overlapping, so with two nodes an hourly job would run twice an
 * hour, and a run would have to keep a transaction open through its network waits (a feed fetch). A held lock is
 * released by PostgreSQL the moment the leader's connection ends, kill -9 included, and the other nodes try to take
 * free locks every {@link #CLAIM_EVERY}. On SQLite there is one node, and every job just runs.
 */
public final class Jobs implements AutoCloseable {
    /** How often a node tries to take the jobs no live node leads; bounds a takeover after the leader dies. */
    public static final Duration CLAIM_EVERY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /** Where a job runs. */
    public enum Scope {
        /** On one node of the site at a time: work on shared data (feed polls, retention, snapshots). */
        ONE_NODE,
        /** On every node: work on the node's own memory (flushing its queue, following shared state). */
        EACH_NODE
    }

    private record Job(String name, Duration first, Duration period, Runnable task, Scope scope) {}

    private final Database database;
    private final List<Job> jobs = new ArrayList<>();
    private final Set<String> led = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "gazette-jobs");
        t.setDaemon(true);
        return t;
    });
    private Connection leader;
    private volatile boolean started;

    public Jobs(Database database) {
        this.database = database;
    }

    /**
     * Declares a job: first after {@code first}, then {@code period} after each run ends.
     *
     * @param name unique per job, the same on every node (it names the job's lock)
     */
    public synchronized Jobs every(String name, Duration first, Duration period, Runnable task, Scope scope) {
        if (started) throw new IllegalStateException("Declare jobs before start(): " + name);
        if (jobs.stream().anyMatch(j -> j.name().equals(name))) throw new IllegalArgumentException("Two jobs named " + name);
        jobs.add(new Job(name, first, period, task, scope));
        return this;
    }

    /** Starts every declared job. */
    public synchronized void start() {
        if (started) return;
        started = true;
        boolean shared = database.dialect() == Dialect.POSTGRESQL;
        if (shared && jobs.stream().anyMatch(j -> j.scope() == Scope.ONE_NODE)) {
            claim();
            timer.scheduleWithFixedDelay(this::claim, CLAIM_EVERY.toMillis(), CLAIM_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        for (Job job : jobs) {
            timer.scheduleWithFixedDelay(() -> run(job, shared), job.first().toMillis(), job.period().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Whether this node runs the named job now (for tests and the log). */
    public boolean leads(String name) {
        return database.dialect() != Dialect.POSTGRESQL || led.contains(name);
    }

    private void run(Job job, boolean shared) {
        if (shared && job.scope() == Scope.ONE_NODE && !stillLeads(job.name())) return;
        try {
            job.task().run();
        } catch (RuntimeException e) {
            // A failed run is tried again at the next period; the site keeps serving.
            log.warn("Job {} failed; it runs again in {}: {}", job.name(), job.period(), Database.rootMessage(e), e);
        }
    }

    /** True when the lock is held on a connection that still answers: a dead connection's locks are gone. */
    private synchronized boolean stillLeads(String name) {
        if (!led.contains(name)) return false;
        try {
            if (leader != null && leader.isValid(2)) return true;
        } catch (SQLException e) {
            // treated as lost below
        }
        lostLeadership();
        return false;
    }

    private synchronized void claim() {
        if (timer.isShutdown()) return;
        try {
            if (leader == null || !leader.isValid(2)) {
                lostLeadership();
                leader = database.connect();
            }
            try (PreparedStatement take = leader.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                for (Job job : jobs) {
                    if (job.scope() != Scope.ONE_NODE || led.contains(job.name())) continue;
                    take.setInt(1, LockKeys.GAZETTE);
                    take.setInt(2, LockKeys.of(job.name()));
                    try (ResultSet rs = take.executeQuery()) {
                        if (rs.next() && rs.getBoolean(1)) {
                            led.add(job.name());
                            log.info("This node now runs the job {}", job.name());
                        }
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("Cannot take the jobs' locks ({}); trying again in {}", e.getMessage(), CLAIM_EVERY);
            lostLeadership();
        }
    }

    private void lostLeadership() {
        if (!led.isEmpty()) log.warn("Lost the database connection that held the jobs {}; another node takes them", led);
        led.clear();
        if (leader != null) {
            try {
                leader.close();
            } catch (SQLException ignored) {
                // already gone
            }
            leader = null;
        }
    }

    /** Stops the jobs, waits for runs in progress (so the database is not closed under them), and lets go of the locks. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) timer.shutdownNow();
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            led.clear();
            lostLeadership();
        }
    }
}
