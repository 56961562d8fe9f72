package dev.gazette.mail;

import dev.gazette.account.Accounts;
import dev.gazette.account.StaffUser;
import dev.gazette.store.Hashes;
import dev.gazette.store.SiteSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Forgot password": a mailed link that works once and expires. Only the token's hash is stored, so a copy of the
 * database opens no account; asking tells nobody whether the address has one.
 */
public final class PasswordResets {
    static final Duration LIFETIME = Duration.ofMinutes(30);
    /** Links alive at once per account: enough for a lost mail, too few to flood an inbox. */
    static final int LIVE_LINKS = 3;

    private final Accounts accounts;
    private final MailStore store;
    private final Outbox outbox;
    private final MailTexts texts;
    private final Clock clock;

    public PasswordResets(Accounts accounts, MailStore store, Outbox outbox, Supplier<String> siteName,
                          MailLinks links, Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.outbox = outbox;
        this.texts = new MailTexts(siteName, links);
        this.clock = clock;
    }

    /** Mails a link if the address is a staff member's; does the same nothing otherwise. */
    public void request(String email) {
        Optional<StaffUser> user = accounts.byEmail(email);
        if (user.isEmpty()) return;
        Instant now = clock.instant();
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(SiteSecret.random(32));
        store.writes().useTransaction(h -> {
            if (store.liveResets(h, user.get().id(), now) >= LIVE_LINKS) return;
            store.addReset(h, Hashes.sha256Hex(token), user.get().id(), now.plus(LIFETIME));
            outbox.add(h, texts.reset(user.get().email(), token, LIFETIME.toMinutes()), now);
        });
    }

    public boolean valid(String token) {
        return token != null && store.resetUser(Hashes.sha256Hex(token), clock.instant()).isPresent();
    }

    /**
     * Sets the new password and uses the link up.
     *
     * @throws IllegalArgumentException with what to do, when the link is spent or the password will not do
     */
    public void reset(String token, String password) {
        String hash = Hashes.sha256Hex(token == null ? "" : token);
        long user = store.resetUser(hash, clock.instant()).orElseThrow(() -> new IllegalArgumentException(GONE));
        if (password.length() < Accounts.minPassword()) {
            throw new IllegalArgumentException("Use a password of at least " + Accounts.minPassword() + " characters.");
        }
        // Taken first: of two tabs sending the same link, one sets the password.
        if (store.writes().inTransaction(h -> store.takeReset(h, hash, clock.instant())).isEmpty()) {
            throw new IllegalArgumentException(GONE);
        }
        accounts.setPassword(user, password);
    }

    static final String GONE = "This link was used or has expired. Ask for a new one on the sign-in page.";
}
