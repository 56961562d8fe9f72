package dev.gazette.mail;

/**
 * One message to one recipient, as the outbox keeps it: never a list of addresses, so no reader sees another's.
 *
 * @param kind           what it is about ("reply", "confirm", "moderation", "digest", "reset"), for the newsroom
 * @param unsubscribeUrl the one-click unsubscribe address (RFC 8058), or empty for a message the person asked for
 */
public record OutgoingMail(String to, String kind, String subject, String text, String html, String unsubscribeUrl) {
    /** Builds the message from one body that has both parts. */
    public static OutgoingMail of(String to, String kind, String subject, MailBody body, String unsubscribeUrl) {
        return new OutgoingMail(to, kind, subject, body.text(), body.html(), unsubscribeUrl);
    }
}
