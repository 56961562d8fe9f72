package dev.gazette.mail;

import dev.gazette.store.SiteSecret;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The addresses mails point to. Those that act without a sign-in (confirm, unsubscribe) carry an HMAC of what they
 * act on under the site's secret, so nobody can make one for someone else's subscription by counting ids.
 */
public final class MailLinks {
    private final SiteSecret secret;
    private final Supplier<String> baseUrl;

    /** @param baseUrl the site's public address, such as https://news.example/ (read when a mail is written) */
    public MailLinks(SiteSecret secret, Supplier<String> baseUrl) {
        this.secret = secret;
        this.baseUrl = baseUrl;
    }

    public String absolute(String path) {
        String base = baseUrl.get();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    public String confirm(long subscription) {
        return absolute("/mail/confirm?s=" + subscription + "&k=" + secret.sign("confirm:" + subscription));
    }

    public String unsubscribe(long subscription) {
        return absolute("/mail/unsubscribe?s=" + subscription + "&k=" + secret.sign("unsubscribe:" + subscription));
    }

    public String staffUnsubscribe(long userId) {
        return absolute("/mail/unsubscribe?staff=" + userId + "&k=" + secret.sign("unsubscribe-staff:" + userId));
    }

    /** The subscription a confirm link names, if its signature holds. */
    Optional<Long> confirmed(String id, String signature) {
        return checked("confirm:", id, signature);
    }

    Optional<Long> unsubscribed(String id, String signature) {
        return checked("unsubscribe:", id, signature);
    }

    Optional<Long> staffUnsubscribed(String id, String signature) {
        return checked("unsubscribe-staff:", id, signature);
    }

    private Optional<Long> checked(String purpose, String id, String signature) {
        if (id == null || signature == null || !id.matches("[0-9]{1,18}")) return Optional.empty();
        return secret.verify(purpose + id, signature) ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }
}
