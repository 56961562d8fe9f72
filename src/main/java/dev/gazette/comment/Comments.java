package dev.gazette.comment;

import dev.gazette.article.Article;
import dev.gazette.spam.Submission;
import dev.gazette.spam.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Replies: reading them back for pages and the queue, and changing stored ones (edits, corrections, decisions).
 * Taking new ones in is {@link #intake()}'s job, figures are {@link #stats()}'.
 */
public final class Comments {
    private static final int DECIDED_PAGE = 1000;

    private final CommentStore store;
    private final Supplier<CommentSettings> settings;
    private final CommentText text = new CommentText();
    private final Clock clock;
    private final LongConsumer onChange;
    private final SubmissionBuilder submissions;
    private final ReplyListener listener;
    private final ReplyIntake intake;
    private final ReplyStats stats;

    /**
     * @param settings the policy in force; read on every use, so a change in the newsroom applies at once
     * @param shield   the spam shield's check
     * @param articles finds an article by id, for what the shield learns about a stored reply
     * @param onChange called with the article's id after every write that may change its public page
     */
    public Comments(CommentStore store, Supplier<CommentSettings> settings, Function<Submission, Verdict> shield,
                    LongFunction<Optional<Article>> articles, Clock clock, LongConsumer onChange) {
        this(store, settings, shield, articles, clock, onChange, ReplyListener.NONE);
    }

    /** @param listener told of stored and published replies inside their transaction (mail's outbox) */
    public Comments(CommentStore store, Supplier<CommentSettings> settings, Function<Submission, Verdict> shield,
                    LongFunction<Optional<Article>> articles, Clock clock, LongConsumer onChange, ReplyListener listener) {
        this.listener = listener;
        this.store = store;
        this.submissions = new SubmissionBuilder(store, articles);
        this.settings = settings;
        this.clock = clock;
        this.onChange = onChange;
        this.intake = new ReplyIntake(store, settings, shield, submissions, clock, onChange, listener);
        this.stats = new ReplyStats(store);
    }

    /** Every way a new reply comes in. */
    public ReplyIntake intake() {
        return intake;
    }

    /** Figures about replies. */
    public ReplyStats stats() {
        return stats;
    }

    public CommentSettings settings() {
        return settings.get();
    }

    /** True when one of these replies (a reader's own, from their cookie) is approved and was written under the email. */
    public boolean approvedUnder(Collection<Long> ids, String email) {
        return store.approvedUnder(ids, email);
    }

    /** The newest approved replies on the whole site, newest first. */
    public List<Comment> latestApproved(int limit) {
        return store.latestApproved(limit);
    }

    /** Every reply of an article, in every state, oldest first. */
    public List<Comment> all(Article article) {
        return store.all(article.id());
    }

    /** Every approved reply of an article. */
    public List<Comment> approved(Article article) {
        return store.approved(article.id());
    }

    /** Those of the given replies that belong to the article and are still pending: an author's own, in waiting. */
    public List<Comment> ownPending(Article article, Collection<Long> ids) {
        return store.byIds(article.id(), ids).stream().filter(c -> c.state() == CommentState.PENDING).toList();
    }

    public Optional<Comment> find(long id) {
        return store.find(id);
    }

    /** True while the author may still change or take back the reply. */
    public boolean editable(Comment c) {
        return !c.erased() && c.state() != CommentState.SPAM && c.state() != CommentState.TRASH
                && editableUntil(c).isAfter(clock.instant());
    }

    public Instant editableUntil(Comment c) {
        return c.createdAt().plus(Duration.ofMinutes(settings.get().editMinutes()));
    }

    /** The author's own edit, within the edit window; returns the errors, empty when saved. */
    public Map<String, String> edit(Comment c, String newText) {
        CommentForm form = CommentValidator.normalize(
                new CommentForm(newText, c.authorName(), c.authorEmail(), c.authorUrl(), Optional.empty(), false));
        Map<String, String> errors = new CommentValidator(settings.get()).textErrors(form.comment());
        if (!editable(c)) errors.put("form", "The time to edit this reply has passed.");
        if (!errors.isEmpty()) return errors;
        Instant now = clock.instant();
        store.updateText(c.id(), form.comment(), text.render(form.comment()), now,
                ReplyEvent.of(ReplyEvent.Kind.EDITED_BY_AUTHOR, "", Optional.empty(), Optional.empty(), "", now));
        onChange.accept(c.articleId());
        return Map.of();
    }

    /** One page of the moderation queue. */
    public QueuePage queue(CommentStore.QueueFilter filter, int page, int pageSize) {
        Map<CommentState, Integer> counts = store.countsByState(filter);
        int total = counts.get(filter.state());
        int pages = Math.max(1, (total + pageSize - 1) / pageSize);
        return new QueuePage(store.queue(filter, (Math.min(page, pages) - 1) * pageSize, pageSize), Math.min(page, pages),
                pages, total, counts);
    }

    /** One reply with the story it answers, as the queue shows it. */
    public Optional<CommentStore.QueueEntry> entry(long id) {
        return store.entry(id);
    }

    /** These replies by id, in any state: for showing what a reply answers. */
    public Map<Long, Comment> byIds(Collection<Long> ids) {
        return store.byIds(ids);
    }

    /** Deletes a reply for good; replies below it move up a level. */
    public void delete(long id) {
        Optional<Comment> c = store.find(id);
        store.delete(id);
        c.ifPresent(gone -> onChange.accept(gone.articleId()));
    }

    /** A moderator's correction of a reply's text: no time limit, the same checks as a reader's. */
    public Map<String, String> correct(Comment c, String newText) {
        return correct(c, newText, "");
    }

    /** A correction by a named staff member, written in the reply's history. */
    public Map<String, String> correct(Comment c, String newText, String by) {
        CommentForm form = CommentValidator.normalize(
                new CommentForm(newText, c.authorName(), c.authorEmail(), c.authorUrl(), Optional.empty(), false));
        Map<String, String> errors = new CommentValidator(settings.get()).textErrors(form.comment());
        if (!errors.isEmpty()) return errors;
        Instant now = clock.instant();
        store.updateText(c.id(), form.comment(), text.render(form.comment()), now,
                ReplyEvent.of(ReplyEvent.Kind.CORRECTED, by, Optional.empty(), Optional.empty(), "", now));
        onChange.accept(c.articleId());
        return Map.of();
    }

    /**
     * Every approved and spam reply, oldest first, read a page at a time as it is iterated: what the
     * site's moderation and policy decided, for training the shield from the site's own history.
     */
    public Iterable<Comment> decided() {
        return () -> new Iterator<>() {
            private List<Comment> page = store.decidedAfter(0, DECIDED_PAGE);
            private int next;

            @Override
            public boolean hasNext() {
                if (next == page.size() && page.size() == DECIDED_PAGE) {
                    page = store.decidedAfter(page.get(page.size() - 1).id(), DECIDED_PAGE);
                    next = 0;
                }
                return next < page.size();
            }

            @Override
            public Comment next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(next++);
            }
        };
    }

    /** The reply as the shield saw it when it came in, for teaching it a moderator's decision. */
    public Submission submissionOf(Comment c) {
        return submissions.forLesson(c);
    }

    /** A page of the queue, where it stands, and how many replies the same filter finds in each state. */
    public record QueuePage(List<CommentStore.QueueEntry> entries, int page, int pages, int total,
                            Map<CommentState, Integer> counts) {
        public QueuePage {
            entries = List.copyOf(entries);
            counts = Map.copyOf(counts);
        }

        public List<Comment> items() {
            return entries.stream().map(CommentStore.QueueEntry::comment).toList();
        }
    }

    /** A change of state made outside the newsroom's queue (imports, tools, tests); written in the history too. */
    public void moderate(long id, CommentState state) {
        store.find(id).ifPresent(c -> decide(c.id(), c.state(), state, switch (state) {
            case APPROVED -> c.state() == CommentState.SPAM ? ReplyEvent.Kind.NOT_SPAM : ReplyEvent.Kind.APPROVE;
            case PENDING -> c.state() == CommentState.TRASH ? ReplyEvent.Kind.RESTORE : ReplyEvent.Kind.UNAPPROVE;
            case SPAM -> ReplyEvent.Kind.SPAM;
            case TRASH -> ReplyEvent.Kind.TRASH;
        }, "", ""));
    }

    /**
     * Moves a reply from one state to another, writes who did it in its history, and lets public pages follow at
     * once. Empty when the reply is gone or is no longer in {@code from}: someone else decided first.
     */
    public Optional<ReplyEvent> decide(long id, CommentState from, CommentState to, ReplyEvent.Kind kind, String by,
                                       String detail) {
        Instant now = clock.instant();
        ReplyEvent line = ReplyEvent.of(kind, by, Optional.of(from), Optional.of(to), detail, now);
        Optional<Long> eventId = store.setState(id, from, to, now, line, (h, c) -> {
            if (to == CommentState.APPROVED) listener.published(h, c);
        });
        if (eventId.isEmpty()) return Optional.empty();
        store.find(id).ifPresent(c -> onChange.accept(c.articleId()));
        return Optional.of(new ReplyEvent(eventId.get(), id, now, kind, by, line.from(), line.to(), detail, 0));
    }

    /** The author takes their reply back, within the edit window. */
    public boolean withdraw(Comment c) {
        if (!editable(c)) return false;
        Instant now = clock.instant();
        if (store.setState(c.id(), c.state(), CommentState.TRASH, now, ReplyEvent.of(ReplyEvent.Kind.WITHDRAWN, "",
                Optional.of(c.state()), Optional.of(CommentState.TRASH), "", now)).isEmpty()) return false;
        onChange.accept(c.articleId());
        return true;
    }
}
