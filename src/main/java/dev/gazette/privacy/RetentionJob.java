package dev.gazette.privacy;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the retention periods at start and every hour after. */
public final class RetentionJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gazette-retention");
        t.setDaemon(true);
        return t;
    });

    /** @param retention the periods in force, read at every run */
    public RetentionJob(PersonalData data, Supplier<Retention> retention) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                PersonalDataStore.RetentionRun run = data.applyRetention(retention.get());
                if (run.ipsAnonymized() + run.spamDeleted() + run.trashDeleted() > 0) {
                    log.info("Retention: {} IP addresses anonymized, {} spam and {} trashed replies deleted",
                            run.ipsAnonymized(), run.spamDeleted(), run.trashDeleted());
                }
            } catch (RuntimeException e) {
                // A failed run is retried at the next hour; the site keeps serving.
                log.warn("Retention run failed", e);
            }
        }, 0, 1, TimeUnit.HOURS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
