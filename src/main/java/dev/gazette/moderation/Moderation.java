package dev.gazette.moderation;

import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentState;
import dev.gazette.comment.Comments;
import dev.gazette.spam.SpamShield;
import dev.gazette.web.Activity;
import dev.gazette.web.Staff;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Moderators' actions on replies; every decision on spam or ham teaches the shield at once and is logged. */
public final class Moderation {
    private final Comments comments;
    private final SpamShield shield;
    private final CorrectionStore corrections;
    private final Activity activity;
    private final Clock clock;

    public Moderation(Comments comments, SpamShield shield, CorrectionStore corrections, Activity activity, Clock clock) {
        this.comments = comments;
        this.shield = shield;
        this.corrections = corrections;
        this.activity = activity;
        this.clock = clock;
    }

    /** What a moderator can do to one or many replies. */
    public enum Action {
        APPROVE("approve", CommentState.APPROVED, Optional.of(false)),
        UNAPPROVE("unapprove", CommentState.PENDING, Optional.empty()),
        SPAM("mark as spam", CommentState.SPAM, Optional.of(true)),
        NOT_SPAM("mark as not spam", CommentState.APPROVED, Optional.of(false)),
        TRASH("trash", CommentState.TRASH, Optional.empty()),
        RESTORE("restore", CommentState.PENDING, Optional.empty()),
        DELETE("delete for good", null, Optional.empty());

        final String label;
        final CommentState to;
        /** The label the shield learns: spam, ham, or nothing (trash says nothing about spam). */
        final Optional<Boolean> teaches;

        Action(String label, CommentState to, Optional<Boolean> teaches) {
            this.label = label;
            this.to = to;
            this.teaches = teaches;
        }

        public String label() {
            return label;
        }

        public static Optional<Action> of(String code) {
            try {
                return Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException | NullPointerException e) {
                return Optional.empty();
            }
        }
    }

    /** Applies an action to replies; returns how many it changed. */
    public int apply(Staff who, Action action, List<Long> ids) {
        int changed = 0;
        for (long id : ids) {
            Optional<Comment> found = comments.find(id);
            if (found.isEmpty()) continue;
            Comment c = found.get();
            if (action == Action.DELETE) {
                comments.delete(id);
            } else {
                comments.moderate(id, action.to);
            }
            action.teaches.ifPresent(spam -> teach(c, spam));
            activity.record(who, action.label + " reply", "#" + id + " by " + c.authorName());
            changed++;
        }
        return changed;
    }

    private void teach(Comment c, boolean spam) {
        shield.learn(comments.submissionOf(c), spam);
        // Judged against the threshold the site holds replies at, not an even chance: that is what the shield "said".
        boolean shieldSaidSpam = c.spamProbability() >= shield.settings().spamThreshold()
                || c.state() == CommentState.SPAM;
        corrections.record(c.id(), shieldSaidSpam, spam, clock.instant());
    }

    /** The shield's probability for the reply as it would judge it now, after everything it has learned. */
    public double checkNow(Comment c) {
        return shield.check(comments.submissionOf(c)).spamProbability();
    }

    public void recordReply(Staff who, Comment to) {
        activity.record(who, "reply as staff", "to #" + to.id() + " by " + to.authorName());
    }

    public void recordEdit(Staff who, Comment c) {
        activity.record(who, "edit reply", "#" + c.id() + " by " + c.authorName());
    }

    public CorrectionStore.ShieldRecord record() {
        return corrections.summary();
    }
}
