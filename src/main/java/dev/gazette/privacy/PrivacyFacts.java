package dev.gazette.privacy;

import java.util.List;

/**
 * What the privacy page states, taken from the settings the site really runs with, so the page cannot drift
 * from the behaviour.
 *
 * @param retention       how long reply data is kept
 * @param holdsNewAuthors whether a first reply waits for a moderator
 * @param editMinutes     how long an author may edit or delete their reply
 * @param contact         where to send data requests; empty when the site gives none
 * @param cookies         every cookie the site may set on a reader's browser
 * @param apiRetentionDays how long what other sites send to the spam-filter API is kept
 * @param gravatar        whether avatars come from Gravatar, which then sees a hash of the email
 * @param mails           the mails the site may send a reader; empty when it sends none
 */
public record PrivacyFacts(Retention retention, boolean holdsNewAuthors, int editMinutes, String contact,
                           List<CookieFact> cookies, long apiRetentionDays, long filterCopyHours, boolean gravatar,
                           List<MailFact> mails) {
    public PrivacyFacts {
        cookies = List.copyOf(cookies);
        mails = List.copyOf(mails);
    }

    /** A site that sends no mail. */
    public PrivacyFacts(Retention retention, boolean holdsNewAuthors, int editMinutes, String contact,
                        List<CookieFact> cookies, long apiRetentionDays, long filterCopyHours, boolean gravatar) {
        this(retention, holdsNewAuthors, editMinutes, contact, cookies, apiRetentionDays, filterCopyHours, gravatar,
                List.of());
    }

    /** One kind of mail the site sends to readers: what, why, and how to stop it. Empty list: no mail at all. */
    public record MailFact(String what, String why, String stop) {}

    /** One cookie as the privacy page explains it. */
    public record CookieFact(String name, String purpose, String lifetime) {}
}
