package dev.gazette.syndication;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the sources whose poll is due: the composition root runs it once a minute, on one node. */
public final class FeedPoller implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private final FeedSources sources;

    public FeedPoller(FeedSources sources) {
        this.sources = sources;
    }

    @Override
    public void run() {
        // Each source records its own errors; what escapes is for the job's log, and the next minute tries again.
        int added = sources.pollDue();
        if (added > 0) log.info("Feeds: {} new stories", added);
    }
}
