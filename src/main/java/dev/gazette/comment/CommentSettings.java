package dev.gazette.comment;

import dev.gazette.privacy.Retention;
import java.util.List;

/**
 * How replies are moderated, shown and kept. The defaults follow what readers and site owners know from
 * mature comment systems: first-time authors are held, known authors go straight through.
 *
 * @param holdAll              hold every reply for a moderator
 * @param approveKnownAuthors  approve at once an author (same email) with an earlier approved reply
 * @param holdAtLinks          hold a reply with this many links or more
 * @param moderationKeys       words, names, addresses or IPs that hold a reply
 * @param disallowedKeys       words, names, addresses or IPs that mark a reply as spam
 * @param closeAfterDays       close replies this many days after publication; 0 never closes them
 * @param keepDiscarded        store what the shield would discard, as spam, instead of only counting it
 * @param maxDepth             how deep replies nest; deeper ones attach at the last level
 * @param pageSize             top-level threads per page
 * @param newestFirst          show the newest threads first
 * @param editMinutes          how long an author may edit or delete their own reply
 * @param perAddressHour       replies one address may send an hour (0: no limit), a sixth of it at once
 * @param perNetworkHour       replies one network (/24, /48) may send an hour (0: no limit), a sixth of it at once
 * @param retention            how long personal data in replies is kept
 */
public record CommentSettings(
        boolean holdAll,
        boolean approveKnownAuthors,
        int holdAtLinks,
        List<String> moderationKeys,
        List<String> disallowedKeys,
        int closeAfterDays,
        boolean keepDiscarded,
        int maxDepth,
        int pageSize,
        boolean newestFirst,
        int maxCommentLength,
        int maxNameLength,
        int editMinutes,
        int perAddressHour,
        int perNetworkHour,
        Retention retention) {

    public CommentSettings {
        moderationKeys = List.copyOf(moderationKeys);
        disallowedKeys = List.copyOf(disallowedKeys);
        if (maxDepth < 1) throw new IllegalArgumentException("maxDepth must be at least 1");
        if (pageSize < 1) throw new IllegalArgumentException("pageSize must be at least 1");
    }

    public static CommentSettings defaults() {
        return new CommentSettings(false, true, 2, List.of(), List.of(), 0, false, 5, 50, false, 5000, 100, 15,
                60, 240, Retention.defaults());
    }
}
