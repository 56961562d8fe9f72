package dev.gazette.comment;

import dev.gazette.article.Article;
import dev.gazette.spam.Reason;
import dev.gazette.spam.Submission;
import dev.gazette.spam.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every way a new reply comes in: a reader's through the shield and the policy, a staff member's published at once,
 * an imported one in the state it had. Each finds its place in the thread by the one {@link ReplyPlace} rule.
 */
public final class ReplyIntake {
    private final CommentStore store;
    private final Supplier<CommentSettings> settings;
    private final Function<Submission, Verdict> shield;
    private final SubmissionBuilder submissions;
    private final CommentText text = new CommentText();
    private final Clock clock;
    private final LongConsumer onChange;
    private final ReplyListener listener;

    /** @param onChange called with the article's id after a published reply committed: its pages, on every node */
    ReplyIntake(CommentStore store, Supplier<CommentSettings> settings, Function<Submission, Verdict> shield,
                SubmissionBuilder submissions, Clock clock, LongConsumer onChange, ReplyListener listener) {
        this.store = store;
        this.settings = settings;
        this.shield = shield;
        this.submissions = submissions;
        this.clock = clock;
        this.onChange = onChange;
        this.listener = listener;
    }

    /** True when the article no longer takes replies. */
    public boolean closed(Article article) {
        CommentSettings now = settings.get();
        return now.closeAfterDays() > 0 && article.shownDate()
                .plus(Duration.ofDays(now.closeAfterDays())).isBefore(clock.instant());
    }

    /** A reader's reply: validated, judged by the shield, placed by the policy, stored (or only counted if discarded). */
    public Submitted submit(Article article, CommentForm raw, RequestInfo request) {
        if (closed(article)) return new Submitted.Invalid(Map.of("form", "Replies to this story are closed."));
        CommentSettings settings = this.settings.get();
        CommentForm form = CommentValidator.normalize(raw);
        Map<String, String> errors = new CommentValidator(settings).errors(form);
        Optional<Comment> parent = form.replyTo().flatMap(store::find)
                .filter(p -> p.articleId() == article.id() && p.state() == CommentState.APPROVED);
        if (form.replyTo().isPresent() && parent.isEmpty()) {
            errors.put("form", "The reply you are answering is no longer shown; your comment will start a new thread"
                    + " if you send it again.");
        }
        if (!errors.isEmpty()) return new Submitted.Invalid(errors);
        Instant now = clock.instant();
        CommentStore.Checks checks = store.checks(article.id(), form.comment(), form.email(), request.ip(),
                now.minus(SubmissionBuilder.IDENTICAL_WINDOW));
        if (checks.alreadySaid()) {
            return new Submitted.Invalid(Map.of("comment", "You have already sent these words to this story, so they"
                    + " are not sent twice. Change them to send another reply."));
        }

        Comment draft = Comment.reply(article.id(), ReplyPlace.under(parent, settings.maxDepth()))
                .author(form.name(), form.email(), form.website()).body(form.comment(), text.render(form.comment()))
                .state(CommentState.PENDING).from(request.ip(), request.userAgent(), request.referrer()).at(now).build();

        CommentStore.AuthorRecord record = request.provenAuthor() ? checks.record() : checks.record().unproven();
        Verdict verdict = shield.apply(submissions.forCheck(article, draft, request, record,
                checks.identicalElsewhere(), now));
        Optional<CommentState> state = new ModerationPolicy(settings).decide(draft, verdict, record);
        if (state.isEmpty()) {
            store.countDiscard(now);
            return new Submitted.Discarded();
        }
        Comment toStore = draft.judged(state.get(), verdict.spamProbability(),
                verdict.reasons().stream().limit(5).map(Reason::toString).collect(Collectors.joining("\n")));
        ReplyEvent judged = new ReplyEvent(0, 0, now, ReplyEvent.Kind.SHIELD, "", Optional.empty(), state,
                toStore.spamReasons(), verdict.spamProbability());
        boolean shown = toStore.state() == CommentState.APPROVED;
        Comment stored = toStore.withId(store.insert(toStore, List.of(
                ReplyEvent.of(ReplyEvent.Kind.RECEIVED, "", Optional.empty(), Optional.empty(), "", now), judged),
                (h, id) -> {
                    Comment withId = toStore.withId(id);
                    listener.stored(h, withId, form.followReplies());
                    if (shown) listener.published(h, withId);
                }));
        if (shown) onChange.accept(stored.articleId());
        return new Submitted.Stored(stored);
    }

    /**
     * A reply written by staff from the newsroom: published at once, under the given reply, without passing the
     * shield (staff are who train it).
     */
    public Submitted staffReply(Comment parent, String name, String email, String newText) {
        CommentSettings settings = this.settings.get();
        CommentForm form = CommentValidator.normalize(new CommentForm(newText, name, email, "", Optional.of(parent.id()), false));
        Map<String, String> errors = new CommentValidator(settings).errors(form);
        if (!errors.isEmpty()) return new Submitted.Invalid(errors);
        Instant now = clock.instant();
        Comment reply = Comment.reply(parent.articleId(), ReplyPlace.under(parent, settings.maxDepth()))
                .author(form.name(), form.email(), "").body(form.comment(), text.render(form.comment()))
                .state(CommentState.APPROVED).at(now).build();
        Comment stored = reply.withId(store.insert(reply, List.of(ReplyEvent.of(ReplyEvent.Kind.WRITTEN_BY_STAFF, name,
                Optional.empty(), Optional.of(CommentState.APPROVED), "", now)),
                (h, id) -> listener.published(h, reply.withId(id))));
        onChange.accept(stored.articleId());
        return new Submitted.Stored(stored);
    }

    /**
     * A reply brought over from another system (a WordPress export) in the state it had there; it does not pass the
     * shield again. The parent, if any, is a reply already imported.
     */
    public Comment importReply(long articleId, Optional<Comment> parent, String name, String email, String url,
                               String body, CommentState state, String ip, Instant createdAt) {
        String website = url.startsWith("http://") || url.startsWith("https://") ? url.strip() : "";
        Comment reply = Comment.reply(articleId, ReplyPlace.under(parent, settings.get().maxDepth()))
                .author(name.isBlank() ? "Anonymous" : name.strip(), email.strip().toLowerCase(Locale.ROOT), website)
                .body(body, text.render(body)).state(state).from(ip, "", "").at(createdAt).build();
        Comment stored = reply.withId(store.insert(reply, List.of(ReplyEvent.of(ReplyEvent.Kind.IMPORTED, "",
                Optional.empty(), Optional.of(state), "", clock.instant()))));
        if (state == CommentState.APPROVED) onChange.accept(articleId);
        return stored;
    }
}
