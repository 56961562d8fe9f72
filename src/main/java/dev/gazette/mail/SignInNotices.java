package dev.gazette.mail;

import dev.gazette.account.NewDevice;
import dev.gazette.account.NewDeviceListener;
import dev.gazette.account.StaffUser;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Tells a staff member of a sign-in to their account from a new browser, unless they turned these mails off. */
public final class SignInNotices implements NewDeviceListener {
    private final MailStore store;
    private final Outbox outbox;
    private final MailTexts texts;

    public SignInNotices(MailStore store, Outbox outbox, Supplier<String> siteName, MailLinks links) {
        this.store = store;
        this.outbox = outbox;
        this.texts = new MailTexts(siteName, links);
    }

    @Override
    public void signedIn(Handle handle, StaffUser user, NewDevice device) {
        if (!store.deviceNotices(handle, user.id())) return;
        outbox.add(handle, texts.newDevice(user.email(), device), device.at());
    }
}
