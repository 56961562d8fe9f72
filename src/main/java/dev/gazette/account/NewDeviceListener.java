package dev.gazette.account;

import org.jdbi.v3.core.Handle;

/**
 * The slot another feature fills to act on a sign-in from a new browser (mail's notice to the account's owner), inside
 * the transaction that records the sign-in: what it writes commits with it. It writes through the handle it is given
 * and does no slow work.
 */
public interface NewDeviceListener {
    /** Does nothing: a site without mail. */
    NewDeviceListener NONE = (handle, user, device) -> { };

    /** The account, which had signed in before, just signed in from a browser it had not used. */
    void signedIn(Handle handle, StaffUser user, NewDevice device);
}
