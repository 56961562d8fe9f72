package dev.gazette.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node should be sent readers: its database answers and its disk takes writes. Checked in the
 * background every second, so a health check is answered at once even while the database hangs, and a balancer's
 * checks never pile up on the pool.
 */
public final class Readiness implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Readiness.class);

    private final BooleanSupplier database;
    private final DiskCheck disk;
    private final ScheduledExecutorService probe;
    private volatile List<String> problems;

    public Readiness(BooleanSupplier database, DiskCheck disk, Duration every) {
        this.database = database;
        this.disk = disk;
        this.problems = check();
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gazette-readiness");
            t.setDaemon(true);
            return t;
        });
        probe.scheduleWithFixedDelay(this::refresh, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What keeps the node from serving, in words; empty when it is ready. */
    public List<String> problems() {
        return problems;
    }

    private void refresh() {
        try {
            List<String> now = check();
            if (!now.equals(problems)) {
                if (now.isEmpty()) log.info("Ready again: the database answers and the disk takes writes");
                else log.warn("Not ready: {}", String.join("; ", now));
            }
            problems = now;
        } catch (RuntimeException e) {
            log.warn("Readiness check failed", e);
        }
    }

    private List<String> check() {
        List<String> found = new ArrayList<>();
        if (!database.getAsBoolean()) found.add("database: not answering");
        Optional<String> diskProblem = disk.problem();
        diskProblem.ifPresent(found::add);
        return List.copyOf(found);
    }

    @Override
    public void close() {
        probe.shutdownNow();
    }
}
