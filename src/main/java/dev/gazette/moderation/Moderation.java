package dev.gazette.moderation;

import dev.gazette.account.Activity;
import dev.gazette.account.Staff;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentState;
import dev.gazette.comment.Comments;
import dev.gazette.comment.ReplyEvent;
import dev.gazette.comment.ReplyHistory;
import dev.gazette.spam.SpamShield;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Moderators' actions on replies: every decision is written in the reply's history with who made it, and every
 * decision on spam or ham teaches the shield at once. A decision can be undone for {@link #UNDO_WINDOW}, while
 * nothing else happened to the reply.
 */
public final class Moderation {
    /** How long the Undo after a decision stays offered. */
    public static final Duration UNDO_WINDOW = Duration.ofMinutes(10);

    private final Comments comments;
    private final ReplyHistory history;
    private final SpamShield shield;
    private final CorrectionStore corrections;
    private final Activity activity;
    private final Clock clock;

    public Moderation(Comments comments, ReplyHistory history, SpamShield shield, CorrectionStore corrections,
                      Activity activity, Clock clock) {
        this.comments = comments;
        this.history = history;
        this.shield = shield;
        this.corrections = corrections;
        this.activity = activity;
        this.clock = clock;
    }

    /** What a moderator can do to one or many replies. */
    public enum Action {
        APPROVE("approve", "Approve", "a", CommentState.APPROVED, Optional.of(false), ReplyEvent.Kind.APPROVE),
        UNAPPROVE("unapprove", "Unapprove", "u", CommentState.PENDING, Optional.empty(), ReplyEvent.Kind.UNAPPROVE),
        SPAM("mark as spam", "Spam", "s", CommentState.SPAM, Optional.of(true), ReplyEvent.Kind.SPAM),
        NOT_SPAM("mark as not spam", "Not spam", "a", CommentState.APPROVED, Optional.of(false), ReplyEvent.Kind.NOT_SPAM),
        TRASH("trash", "Trash", "d", CommentState.TRASH, Optional.empty(), ReplyEvent.Kind.TRASH),
        RESTORE("restore", "Restore", "z", CommentState.PENDING, Optional.empty(), ReplyEvent.Kind.RESTORE),
        DELETE("delete for good", "Delete for good", "", null, Optional.empty(), null);

        final String label;
        final String button;
        final String key;
        final CommentState to;
        /** The label the shield learns: spam, ham, or nothing (trash says nothing about spam). */
        final Optional<Boolean> teaches;
        final ReplyEvent.Kind kind;

        Action(String label, String button, String key, CommentState to, Optional<Boolean> teaches, ReplyEvent.Kind kind) {
            this.label = label;
            this.button = button;
            this.key = key;
            this.to = to;
            this.teaches = teaches;
            this.kind = kind;
        }

        public String label() {
            return label;
        }

        /** The word on the row's button. */
        public String button() {
            return button;
        }

        /** The keyboard shortcut, WordPress's where it has one. */
        public String key() {
            return key;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> of(String code) {
            try {
                return Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException | NullPointerException e) {
                return Optional.empty();
            }
        }

        static Optional<Action> of(ReplyEvent.Kind kind) {
            for (Action a : values()) if (a.kind == kind) return Optional.of(a);
            return Optional.empty();
        }
    }

    /** Applies an action to replies; returns the history lines written, one per reply it changed. */
    public List<ReplyEvent> apply(Staff who, Action action, List<Long> ids) {
        List<ReplyEvent> done = new ArrayList<>();
        for (long id : ids) {
            if (action == Action.DELETE) {
                Optional<Comment> c = comments.find(id);
                if (c.isEmpty()) continue;
                comments.delete(id);
                activity.record(who, action.label + " reply", "#" + id + " by " + c.get().authorName());
                continue;
            }
            decide(who, action, id).ifPresent(done::add);
        }
        return done;
    }

    /**
     * One decision on one reply. Empty when the reply is gone or already where the action would put it (another
     * moderator was quicker): nothing is written and the shield learns nothing.
     */
    public Optional<ReplyEvent> decide(Staff who, Action action, long id) {
        if (action == Action.DELETE) throw new IllegalArgumentException("Deleting for good is not a decision to undo");
        Optional<Comment> found = comments.find(id);
        if (found.isEmpty() || found.get().state() == action.to) return Optional.empty();
        Comment c = found.get();
        Optional<ReplyEvent> line = comments.decide(id, c.state(), action.to, action.kind, who.name(), "");
        if (line.isEmpty()) return Optional.empty();
        action.teaches.ifPresent(spam -> teach(c, spam));
        activity.record(who, action.label + " reply", "#" + id + " by " + c.authorName());
        return line;
    }

    /** What came of an Undo. */
    public sealed interface UndoResult permits Undone, Refused {}

    /** The reply is back where it was; the line says so. */
    public record Undone(ReplyEvent line) implements UndoResult {}

    /** Nothing changed, and why, in words a moderator can act on. */
    public record Refused(String why) implements UndoResult {}

    /** Puts the reply back where it was before a decision, while nothing else happened to it since. */
    public UndoResult undo(Staff who, long commentId, long eventId) {
        Optional<ReplyEvent> found = history.find(eventId).filter(e -> e.commentId() == commentId);
        if (found.isEmpty()) return new Refused("There is no such decision on this reply to undo.");
        ReplyEvent e = found.get();
        Optional<Action> action = Action.of(e.kind());
        if (!e.kind().isDecision() || action.isEmpty() || e.from().isEmpty() || e.to().isEmpty()) {
            return new Refused("Only a moderator's decision can be undone.");
        }
        if (e.at().plus(UNDO_WINDOW).isBefore(clock.instant())) {
            return new Refused("The time to undo this decision has passed; decide again instead.");
        }
        if (!history.isLatest(e)) {
            return new Refused("Something else happened to this reply since; see its history and decide again.");
        }
        Optional<ReplyEvent> line = comments.decide(commentId, e.to().get(), e.from().get(), ReplyEvent.Kind.UNDO,
                who.name(), action.get().label);
        if (line.isEmpty()) return new Refused("Something else happened to this reply since; decide again.");
        Optional<Comment> c = comments.find(commentId);
        if (action.get().teaches.isPresent() && c.isPresent()) {
            // The shield learned the decision; the reply's earlier state teaches it again where it says something.
            corrections.forgetLatest(commentId);
            CommentState back = e.from().get();
            if (back == CommentState.APPROVED || back == CommentState.SPAM) teach(c.get(), back == CommentState.SPAM);
        }
        activity.record(who, "undo " + action.get().label, "#" + commentId + c.map(r -> " by " + r.authorName()).orElse(""));
        return new Undone(line.get());
    }

    /** Whether the Undo for this line is still offered. */
    public boolean undoable(ReplyEvent e) {
        return e.kind().isDecision() && !e.at().plus(UNDO_WINDOW).isBefore(clock.instant()) && history.isLatest(e);
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

    public ReplyHistory history() {
        return history;
    }
}
