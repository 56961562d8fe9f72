package dev.gazette.mail;

import dev.gazette.account.Permission;
import dev.gazette.account.Role;
import dev.gazette.store.Database;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of readers' subscriptions, staff members' mail preferences and digests, and password-reset links. */
public final class MailStore {
    /** The roles that moderate replies, and so hear of held ones. */
    static final List<String> MODERATING_ROLES = Arrays.stream(Role.values())
            .filter(r -> r.permissions().contains(Permission.REPLIES)).map(Role::code).toList();

    private final Jdbi reads;
    private final Jdbi writes;

    public MailStore(Database db) {
        this.reads = db.reads();
        this.writes = db.writes();
    }

    Jdbi writes() {
        return writes;
    }

    // ---- readers' subscriptions

    /**
     * Subscribes an address to replies under this reply, in one statement with what its record allows: confirmed at
     * once if the address confirmed a subscription before, else unconfirmed unless it was asked {@code limit} times
     * since {@code since} already. Empty when nothing was written (the limit, or this reply has a subscription).
     */
    Optional<Subscribed> follow(Handle h, long commentId, String email, Instant now, Instant since, int limit) {
        return h.createQuery("INSERT INTO mail_subscription (comment_id, email, confirmed, created_at, confirmed_at)"
                        + " SELECT :c, :e, r.known, :now, CASE WHEN r.known = 1 THEN :now ELSE 0 END FROM"
                        + " (SELECT COALESCE(MAX(confirmed), 0) AS known,"
                        + " COUNT(CASE WHEN confirmed = 0 AND created_at >= :since THEN 1 END) AS asked"
                        + " FROM mail_subscription WHERE email = :e) r"
                        + " WHERE r.known = 1 OR r.asked < :limit"
                        + " ON CONFLICT (comment_id) DO NOTHING RETURNING id, confirmed")
                .bind("c", commentId).bind("e", email).bind("now", now.toEpochMilli())
                .bind("since", since.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> new Subscribed(rs.getLong(1), rs.getInt(2) != 0)).findOne();
    }

    /** A subscription just written, and whether its address had confirmed before (so it needs no confirming). */
    record Subscribed(long id, boolean confirmed) {}

    /** The confirmed subscriber to replies under this reply. */
    Optional<Subscriber> confirmedFor(Handle h, long commentId) {
        return h.createQuery("SELECT id, email FROM mail_subscription WHERE comment_id = :c AND confirmed = 1")
                .bind("c", commentId).map((rs, ctx) -> new Subscriber(rs.getLong(1), rs.getString(2))).findOne();
    }

    /** Confirms; true when the subscription exists (confirmed now or before). */
    boolean confirm(long id, Instant now) {
        return writes.withHandle(h -> {
            h.createUpdate("UPDATE mail_subscription SET confirmed = 1, confirmed_at = :now WHERE id = :id"
                    + " AND confirmed = 0").bind("id", id).bind("now", now.toEpochMilli()).execute();
            return h.createQuery("SELECT COUNT(*) FROM mail_subscription WHERE id = :id").bind("id", id)
                    .mapTo(Integer.class).one() > 0;
        });
    }

    /** Ends a subscription; true when there was one. */
    boolean unsubscribe(Handle h, long id) {
        return h.createUpdate("DELETE FROM mail_subscription WHERE id = :id").bind("id", id).execute() > 0;
    }

    /** Records that the subscriber hears of this reply: true the first time only. */
    boolean firstNotice(Handle h, long replyId) {
        return h.createUpdate("INSERT INTO mail_reply_notice (comment_id) VALUES (:id) ON CONFLICT (comment_id)"
                + " DO NOTHING").bind("id", replyId).execute() > 0;
    }

    // ---- staff

    /** Staff in the given roles, with their preference and digest state. */
    List<Moderator> moderators(Handle h, List<String> roles) {
        return h.createQuery("SELECT u.id, u.email, COALESCE(m.moderation_notices, 1), COALESCE(m.last_mail_at, 0),"
                        + " COALESCE(m.held_since_mail, 0) FROM staff_user u LEFT JOIN mail_staff m ON m.user_id = u.id"
                        + " WHERE u.role IN (<roles>) ORDER BY u.id")
                .bindList("roles", roles)
                .map((rs, ctx) -> new Moderator(rs.getLong(1), rs.getString(2), rs.getInt(3) != 0,
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5)))
                .list();
    }

    /**
     * A held reply, for every staff member in these roles who wants to hear of them, in one statement: one who had no
     * mail since {@code quietSince} and nothing gathered is marked mailed now and returned, to be told at once; the
     * others count it for their next digest.
     */
    List<Long> heldReply(Handle h, List<String> roles, Instant now, Instant quietSince) {
        return h.createQuery("INSERT INTO mail_staff (user_id, last_mail_at, held_since_mail)"
                        + " SELECT id, :now, 0 FROM staff_user WHERE role IN (<roles>)"
                        + " ON CONFLICT (user_id) DO UPDATE SET"
                        + " last_mail_at = CASE WHEN mail_staff.held_since_mail = 0 AND mail_staff.last_mail_at <= :quiet"
                        + " THEN :now ELSE mail_staff.last_mail_at END,"
                        + " held_since_mail = CASE WHEN mail_staff.held_since_mail = 0"
                        + " AND mail_staff.last_mail_at <= :quiet THEN 0 ELSE mail_staff.held_since_mail + 1 END"
                        + " WHERE mail_staff.moderation_notices <> 0"
                        + " RETURNING user_id, held_since_mail")
                .bindList("roles", roles).bind("now", now.toEpochMilli()).bind("quiet", quietSince.toEpochMilli())
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getInt(2)}).stream()
                .filter(row -> row[1] == 0).map(row -> row[0]).sorted().toList();
    }

    /** Staff members' addresses by id, in the order of their ids. */
    List<Recipient> staffAddresses(Handle h, List<Long> ids) {
        return h.createQuery("SELECT id, email FROM staff_user WHERE id IN (<ids>) ORDER BY id").bindList("ids", ids)
                .map((rs, ctx) -> new Recipient(rs.getLong(1), rs.getString(2))).list();
    }

    /** A staff member to mail. */
    record Recipient(long id, String email) {}

    /** Whether a staff member in these roles has held replies gathered, wants the mails, and had none since then. */
    boolean digestDue(List<String> roles, Instant quietSince) {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_staff m JOIN staff_user u ON u.id = m.user_id"
                        + " WHERE m.held_since_mail > 0 AND m.moderation_notices <> 0 AND m.last_mail_at <= :quiet"
                        + " AND u.role IN (<roles>)")
                .bindList("roles", roles).bind("quiet", quietSince.toEpochMilli()).mapTo(Integer.class).one() > 0);
    }

    void mailed(Handle h, long userId, Instant now) {
        h.createUpdate("INSERT INTO mail_staff (user_id, last_mail_at, held_since_mail) VALUES (:u, :now, 0)"
                        + " ON CONFLICT (user_id) DO UPDATE SET last_mail_at = :now, held_since_mail = 0")
                .bind("u", userId).bind("now", now.toEpochMilli()).execute();
    }

    void forgetHeld(Handle h, long userId) {
        h.createUpdate("UPDATE mail_staff SET held_since_mail = 0 WHERE user_id = :u").bind("u", userId).execute();
    }

    public boolean notices(long userId) {
        return reads.withHandle(h -> h.createQuery("SELECT moderation_notices FROM mail_staff WHERE user_id = :u")
                .bind("u", userId).mapTo(Integer.class).findOne().orElse(1) != 0);
    }

    /** Turns held-reply mails on or off for one staff member; false when there is no such account. */
    boolean setNotices(long userId, boolean on) {
        return writes.withHandle(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM staff_user WHERE id = :u").bind("u", userId).mapTo(Integer.class)
                    .one() == 0) {
                return false;
            }
            h.createUpdate("INSERT INTO mail_staff (user_id, moderation_notices) VALUES (:u, :on)"
                            + " ON CONFLICT (user_id) DO UPDATE SET moderation_notices = :on")
                    .bind("u", userId).bind("on", on ? 1 : 0).execute();
            if (!on) {
                h.createUpdate("UPDATE mail_staff SET held_since_mail = 0 WHERE user_id = :u").bind("u", userId).execute();
            }
            return true;
        });
    }

    /** Whether this staff member wants to hear of sign-ins from a new browser (yes unless they said no). */
    boolean deviceNotices(Handle h, long userId) {
        return h.createQuery("SELECT device_notices FROM mail_staff WHERE user_id = :u")
                .bind("u", userId).mapTo(Integer.class).findOne().orElse(1) != 0;
    }

    public boolean deviceNotices(long userId) {
        return reads.withHandle(h -> deviceNotices(h, userId));
    }

    /** Turns new-browser sign-in mails on or off for one staff member; false when there is no such account. */
    boolean setDeviceNotices(long userId, boolean on) {
        return writes.withHandle(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM staff_user WHERE id = :u").bind("u", userId).mapTo(Integer.class)
                    .one() == 0) {
                return false;
            }
            h.createUpdate("INSERT INTO mail_staff (user_id, device_notices) VALUES (:u, :on)"
                            + " ON CONFLICT (user_id) DO UPDATE SET device_notices = :on")
                    .bind("u", userId).bind("on", on ? 1 : 0).execute();
            return true;
        });
    }

    // ---- password resets

    void addReset(Handle h, String tokenHash, long userId, Instant expires) {
        h.createUpdate("INSERT INTO mail_password_reset (token_hash, user_id, expires_at) VALUES (:t, :u, :exp)")
                .bind("t", tokenHash).bind("u", userId).bind("exp", expires.toEpochMilli()).execute();
    }

    Optional<Long> resetUser(String tokenHash, Instant now) {
        return reads.withHandle(h -> h.createQuery("SELECT user_id FROM mail_password_reset WHERE token_hash = :t"
                        + " AND expires_at > :now")
                .bind("t", tokenHash).bind("now", now.toEpochMilli()).mapTo(Long.class).findOne());
    }

    /** Uses up a reset link: the user it was for, the first time only and before it expires. */
    Optional<Long> takeReset(Handle h, String tokenHash, Instant now) {
        Optional<Long> user = h.createQuery("SELECT user_id FROM mail_password_reset WHERE token_hash = :t"
                        + " AND expires_at > :now")
                .bind("t", tokenHash).bind("now", now.toEpochMilli()).mapTo(Long.class).findOne();
        if (user.isEmpty()) return user;
        int taken = h.createUpdate("DELETE FROM mail_password_reset WHERE token_hash = :t").bind("t", tokenHash).execute();
        return taken == 1 ? user : Optional.empty();
    }

    /** Reset links of this account not yet used nor expired. */
    int liveResets(Handle h, long userId, Instant now) {
        return h.createQuery("SELECT COUNT(*) FROM mail_password_reset WHERE user_id = :u AND expires_at > :now")
                .bind("u", userId).bind("now", now.toEpochMilli()).mapTo(Integer.class).one();
    }

    /** A reader who confirmed they want to hear of replies. */
    record Subscriber(long id, String email) {}

    /** A staff member who may moderate, with their mail preference and when they last had a mail. */
    record Moderator(long id, String email, boolean notices, Instant lastMail, int heldSinceMail) {}
}
