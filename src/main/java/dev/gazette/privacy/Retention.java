package dev.gazette.privacy;

/**
 * How long personal data in replies is kept.
 *
 * @param anonymizeIpAfterDays IP addresses are cut to their network (IPv4 /24, IPv6 /48) after this many days
 * @param deleteSpamAfterDays  replies marked as spam are deleted after this many days
 * @param deleteTrashAfterDays replies in the trash are deleted after this many days
 */
public record Retention(int anonymizeIpAfterDays, int deleteSpamAfterDays, int deleteTrashAfterDays) {
    public Retention {
        if (anonymizeIpAfterDays < 1 || deleteSpamAfterDays < 1 || deleteTrashAfterDays < 1) {
            throw new IllegalArgumentException("Retention periods must be at least one day");
        }
    }

    public static Retention defaults() {
        return new Retention(30, 15, 30);
    }
}
