package dev.gazette.mail;

import dev.gazette.account.NewDevice;
import dev.gazette.web.Format;
import java.util.function.Supplier;

/** The words of every mail the site sends, plain and HTML from one text. */
final class MailTexts {
    private static final int EXCERPT = 600;

    private final Supplier<String> siteName;
    private final MailLinks links;

    MailTexts(Supplier<String> siteName, MailLinks links) {
        this.siteName = siteName;
        this.links = links;
    }

    OutgoingMail confirm(String to, long subscription, String articleTitle, String articlePath) {
        MailBody body = new MailBody()
                .paragraph("You asked " + siteName.get() + " to tell you when someone answers your reply to “"
                        + articleTitle + "”.")
                .paragraph("Nothing will be sent until you confirm. If this was not you, ignore this mail: you will"
                        + " hear nothing more from us.")
                .link("Confirm", links.confirm(subscription))
                .link("Your reply", links.absolute(articlePath))
                .footer("Sent once, because this address was typed into our reply form. " + links.absolute("/privacy"));
        return OutgoingMail.of(to, "confirm", "Confirm: replies to your comment on “" + articleTitle + "”", body, "");
    }

    OutgoingMail reply(String to, long subscription, String author, String text, String articleTitle,
                       String replyPath) {
        MailBody body = new MailBody()
                .paragraph(author + " answered your reply to “" + articleTitle + "”:")
                .quote(excerpt(text))
                .link("Read it and answer", links.absolute(replyPath))
                .footer("You get this because you asked to hear of replies to your comment. Stop: "
                        + links.unsubscribe(subscription));
        return OutgoingMail.of(to, "reply", author + " answered you on “" + articleTitle + "”", body,
                links.unsubscribe(subscription));
    }

    OutgoingMail held(String to, long staffId, String author, String text, String articleTitle) {
        MailBody body = new MailBody()
                .paragraph("A reply by " + author + " to “" + articleTitle + "” waits for a moderator:")
                .quote(excerpt(text))
                .link("Open the queue", links.absolute("/admin/replies?state=pending"))
                .footer("Further held replies are gathered into one mail. Turn these mails off in the newsroom"
                        + " under Mail, or: " + links.staffUnsubscribe(staffId));
        return OutgoingMail.of(to, "moderation", "A reply waits for moderation: “" + articleTitle + "”", body,
                links.staffUnsubscribe(staffId));
    }

    OutgoingMail digest(String to, long staffId, int held, int waiting) {
        MailBody body = new MailBody()
                .paragraph(held + (held == 1 ? " more reply was" : " more replies were") + " held for moderation since"
                        + " the last mail; " + waiting + (waiting == 1 ? " reply waits" : " replies wait") + " in all.")
                .link("Open the queue", links.absolute("/admin/replies?state=pending"))
                .footer("Turn these mails off in the newsroom under Mail, or: " + links.staffUnsubscribe(staffId));
        return OutgoingMail.of(to, "digest", waiting + (waiting == 1 ? " reply waits" : " replies wait")
                + " for moderation on " + siteName.get(), body, links.staffUnsubscribe(staffId));
    }

    OutgoingMail reset(String to, String token, long minutes) {
        MailBody body = new MailBody()
                .paragraph("Someone asked to set a new password for your newsroom account on " + siteName.get() + ".")
                .link("Choose a new password", links.absolute("/admin/reset?t=" + token))
                .paragraph("The link works once, for " + minutes + " minutes. If you did not ask, ignore this mail:"
                        + " your password stays as it is.");
        return OutgoingMail.of(to, "reset", "Set a new password for " + siteName.get(), body, "");
    }

    OutgoingMail newDevice(String to, NewDevice device) {
        MailBody body = new MailBody()
                .paragraph("Your newsroom account on " + siteName.get() + " was just signed in to from a browser it had"
                        + " not been used from before:")
                .paragraph("When: " + Format.dateTime(device.at()))
                .paragraph("Browser: " + device.browser())
                .paragraph("Network: " + device.network() + " (the last part of the address left out)")
                .paragraph("If this was you, there is nothing to do. If it was not, someone knows your password: set a"
                        + " new one now. That also signs out everyone who is signed in to your account.")
                .link("Set a new password", links.absolute("/admin/forgot"))
                .link("Sign in", links.absolute("/admin/login"))
                .footer("Sent when your account is signed in to from a new browser. Turn these mails off in the"
                        + " newsroom under Mail.");
        return OutgoingMail.of(to, "sign-in", "New sign-in to your account on " + siteName.get(), body, "");
    }

    private static String excerpt(String text) {
        String t = text.strip();
        return t.codePointCount(0, t.length()) <= EXCERPT ? t
                : t.substring(0, t.offsetByCodePoints(0, EXCERPT)).stripTrailing() + " …";
    }
}
