package dev.gazette.mail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs one after another on one background thread, again and again with a pause between rounds, until closed.
 * A stand-in until jobs run under the shared scheduler; the jobs themselves only have a {@code runOnce()}.
 */
public final class JobTimer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobTimer.class);

    private final ScheduledExecutorService timer;

    private JobTimer(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts running the jobs, the first round at once. */
    public static JobTimer start(String name, Duration pause, List<Runnable> jobs) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            for (Runnable job : jobs) {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    // The database may be away for a moment: the next round tries again, the site keeps serving.
                    log.warn("{}: a round failed, the next one tries again: {}", name, e.toString());
                }
            }
        }, 0, pause.toMillis(), TimeUnit.MILLISECONDS);
        return new JobTimer(timer);
    }

    /** Stops after the round under way, waiting a few seconds for it. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) timer.shutdownNow();
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
