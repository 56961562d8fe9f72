package dev.gazette.akismet;

/** What one key's checks and feedback add up to. */
public record KeyStats(long checks, long spam, long ham, long missedSpam, long falsePositives) {
    /** The share of checks whose verdict no feedback contradicted. */
    public double accuracy() {
        return checks == 0 ? 1.0 : Math.max(0, 1.0 - (double) (missedSpam + falsePositives) / checks);
    }
}
