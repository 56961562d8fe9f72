package dev.gazette.moderation;

import dev.gazette.store.Database;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Moderator decisions set against the shield's verdicts: the shield's record. */
public final class CorrectionStore {
    private final Jdbi reads;
    private final Jdbi writes;

    public CorrectionStore(Database db) {
        this.reads = db.reads();
        this.writes = db.writes();
    }

    void record(long commentId, boolean shieldSaidSpam, boolean staffSaysSpam, Instant at) {
        writes.useHandle(h -> h.createUpdate("INSERT INTO shield_correction (comment_id, shield_spam, staff_spam, at)"
                        + " VALUES (:c, :shield, :staff, :at)")
                .bind("c", commentId).bind("shield", shieldSaidSpam ? 1 : 0).bind("staff", staffSaysSpam ? 1 : 0)
                .bind("at", at.toEpochMilli()).execute());
    }

    /** Drops the latest correction of a reply: its decision was undone, so it says nothing of the shield. */
    void forgetLatest(long commentId) {
        writes.useHandle(h -> h.createUpdate("DELETE FROM shield_correction WHERE id = (SELECT MAX(id)"
                        + " FROM shield_correction WHERE comment_id = :c)")
                .bind("c", commentId).execute());
    }

    ShieldRecord summary() {
        return reads.withHandle(h -> h.createQuery("SELECT COUNT(*),"
                        + " SUM(CASE WHEN shield_spam = 0 AND staff_spam = 1 THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN shield_spam = 1 AND staff_spam = 0 THEN 1 ELSE 0 END) FROM shield_correction")
                .map((rs, ctx) -> new ShieldRecord(rs.getInt(1), rs.getInt(2), rs.getInt(3))).one());
    }

    /** Of the replies moderators decided on: how many, spam the shield missed, and ham it blocked. */
    public record ShieldRecord(int decided, int missedSpam, int blockedHam) {
        public double accuracy() {
            return decided == 0 ? 1.0 : 1.0 - (double) (missedSpam + blockedHam) / decided;
        }
    }
}
