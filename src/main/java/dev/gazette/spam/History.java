package dev.gazette.spam;

/**
 * What the site already knows about where a submission comes from: counts of earlier replies the
 * moderators approved or marked spam, keyed by the same email, IP, network and link domains.
 *
 * <p>The caller (the comment store) counts; the shield only weighs. All counts are non-negative.
 */
public record History(
        int approvedByEmail,
        int spamByEmail,
        int approvedByIp,
        int spamByIp,
        int approvedByNetwork,
        int spamByNetwork,
        int approvedLinkDomains,
        int spamLinkDomains) {

    /** No history at all: a first-time visitor. */
    public static final History NONE = new History(0, 0, 0, 0, 0, 0, 0, 0);

    public History {
        for (int c : new int[] {approvedByEmail, spamByEmail, approvedByIp, spamByIp,
                approvedByNetwork, spamByNetwork, approvedLinkDomains, spamLinkDomains}) {
            if (c < 0) {
                throw new IllegalArgumentException("History counts must be >= 0, got " + c);
            }
        }
    }

    /** Counts by email only, the commonest case. */
    public static History ofEmail(int approved, int spam) {
        return new History(approved, spam, 0, 0, 0, 0, 0, 0);
    }
}
