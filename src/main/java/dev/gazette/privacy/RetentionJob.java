package dev.gazette.privacy;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the retention periods: the composition root runs it at start and every hour after, on one node. */
public final class RetentionJob implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final PersonalData data;
    private final Supplier<Retention> retention;

    /** @param retention the periods in force, read at every run */
    public RetentionJob(PersonalData data, Supplier<Retention> retention) {
        this.data = data;
        this.retention = retention;
    }

    @Override
    public void run() {
        PersonalDataStore.RetentionRun run = data.applyRetention(retention.get());
        if (run.ipsAnonymized() + run.spamDeleted() + run.trashDeleted() > 0) {
            log.info("Retention: {} IP addresses anonymized, {} spam and {} trashed replies deleted",
                    run.ipsAnonymized(), run.spamDeleted(), run.trashDeleted());
        }
    }
}
