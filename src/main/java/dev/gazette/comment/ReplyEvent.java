package dev.gazette.comment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of a reply's history: what happened, when, who did it (a staff member's name; empty for the reader, the
 * shield or the system), and the states before and after.
 *
 * @param detail      for the shield, its reasons one per line; for an undo, the decision undone; else empty
 * @param probability the shield's spam probability, for {@link Kind#SHIELD} only
 */
public record ReplyEvent(long id, long commentId, Instant at, Kind kind, String actor, Optional<CommentState> from,
                         Optional<CommentState> to, String detail, double probability) {

    /** What can happen to a reply. */
    public enum Kind {
        RECEIVED, IMPORTED, WRITTEN_BY_STAFF, SHIELD, APPROVE, UNAPPROVE, SPAM, NOT_SPAM, TRASH, RESTORE, UNDO,
        EDITED_BY_AUTHOR, CORRECTED, WITHDRAWN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }

        /** True for a moderator's change of state, which can be undone for a while. */
        public boolean isDecision() {
            return switch (this) {
                case APPROVE, UNAPPROVE, SPAM, NOT_SPAM, TRASH, RESTORE -> true;
                default -> false;
            };
        }
    }

    /** A line not stored yet. */
    public static ReplyEvent of(Kind kind, String actor, Optional<CommentState> from, Optional<CommentState> to,
                                String detail, Instant at) {
        return new ReplyEvent(0, 0, at, kind, actor, from, to, detail, 0);
    }

    /** The shield's reasons, one per line, as stored. */
    public List<String> reasons() {
        return kind == Kind.SHIELD ? detail.lines().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** The line in words, as the history table shows it. */
    public String words() {
        String by = actor.isEmpty() ? "" : " by " + actor;
        return switch (kind) {
            case RECEIVED -> "Received from the reply form";
            case IMPORTED -> "Imported from another system";
            case WRITTEN_BY_STAFF -> "Written" + by + " from the newsroom, published at once";
            case SHIELD -> "Spam shield: " + Math.round(probability * 100) + " % likely spam"
                    + to.map(s -> switch (s) {
                        case APPROVED -> ", published at once";
                        case SPAM -> ", put in spam";
                        default -> ", held for a moderator";
                    }).orElse("");
            case APPROVE -> "Approved" + by;
            case UNAPPROVE -> "Unapproved" + by + " (back to pending)";
            case SPAM -> "Marked as spam" + by;
            case NOT_SPAM -> "Marked as not spam" + by + ", published";
            case TRASH -> "Moved to the trash" + by;
            case RESTORE -> "Restored from the trash" + by + " (pending)";
            case UNDO -> "Undone" + by + ": " + detail + to.map(s -> " (back to " + s.code() + ")").orElse("");
            case EDITED_BY_AUTHOR -> "Text edited by its author";
            case CORRECTED -> "Text corrected" + by;
            case WITHDRAWN -> "Withdrawn by its author (trash)";
        };
    }
}
