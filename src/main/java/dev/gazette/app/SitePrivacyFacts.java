package dev.gazette.app;

import dev.gazette.account.Devices;
import dev.gazette.account.Sessions;
import dev.gazette.account.SignInForms;
import dev.gazette.comment.CommentSettings;
import dev.gazette.comment.ReaderCookies;
import dev.gazette.mail.ReplyNotices;
import dev.gazette.moderation.ShieldFollower;
import dev.gazette.privacy.PrivacyFacts;
import java.util.List;

/**
 * What the privacy page states, gathered from the settings and the parts the site runs with: the cookies every
 * feature may set, how long data is kept, and the mails a reader may get.
 */
final class SitePrivacyFacts {
    private SitePrivacyFacts() {}

    static PrivacyFacts of(CommentSettings comments, Settings settings, boolean gravatar) {
        return new PrivacyFacts(comments.retention(), comments.holdAll() || comments.approveKnownAuthors(),
                comments.editMinutes(), settings.privacyContact(), List.of(
                new PrivacyFacts.CookieFact(ReaderCookies.OWN,
                        "Lets you see your own replies while they await moderation, and edit or delete them for "
                                + comments.editMinutes() + " minutes. Holds the numbers of your recent replies.",
                        "30 days"),
                new PrivacyFacts.CookieFact(ReaderCookies.REMEMBER,
                        "Fills in your name, email and website next time. Set only if you tick “Save my name…”.",
                        "One year, or until you reply with the box unticked"),
                new PrivacyFacts.CookieFact(ReaderCookies.KNOWN,
                        "Shows that this browser wrote a reply the site published, so your next replies under the same"
                                + " email are published at once. Holds a signature of your email, not the email itself."
                                + " Set only once a reply of yours from this browser has been published.", "One year"),
                new PrivacyFacts.CookieFact(SignInForms.COOKIE, "Proves that a sign-in to the newsroom was sent from"
                        + " this site's own form. Holds a random value; set only by the sign-in page.",
                        "Until you close the browser"),
                new PrivacyFacts.CookieFact(Sessions.COOKIE, "Keeps the site's staff signed in to the newsroom; readers"
                        + " never get it.", "Until signing out, after 2 hours unused, or 12 hours at most"),
                new PrivacyFacts.CookieFact(Devices.COOKIE, "Lets the newsroom know a staff member's browser again,"
                        + " so that a sign-in from a new one can be mailed to the account's owner. Holds a random value;"
                        + " sent to newsroom pages only; readers never get it.", "400 days")),
                settings.akismet().retention().toDays(), ShieldFollower.KEEP_COPIES.toHours(), gravatar,
                mailFacts(settings));
    }

    /** What the privacy page says about mail, from the settings the site runs with. */
    private static List<PrivacyFacts.MailFact> mailFacts(Settings settings) {
        if (!settings.mail().enabled()) return List.of();
        return List.of(
                new PrivacyFacts.MailFact("One mail with a link to confirm, when you tick “Notify me of replies to my"
                        + " comment” under the reply form",
                        "So that nobody can sign up an address that is not theirs: nothing more is sent until you"
                                + " follow the link and press Confirm",
                        "Ignore it. At most " + ReplyNotices.CONFIRMATIONS_PER_DAY + " such mails go to one address a day"),
                new PrivacyFacts.MailFact("A mail each time a published reply answers yours, once you confirmed",
                        "You asked for it. It shows the answer's author name, its text, and a link to it",
                        "The unsubscribe link in every such mail, or your mail program's unsubscribe button: one click,"
                                + " no sign-in. Erasure of your data stops them too"));
    }
}
