package dev.gazette.comment;

import dev.gazette.article.Article;
import dev.gazette.spam.CommentType;
import dev.gazette.spam.History;
import dev.gazette.spam.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The one way a reply becomes what the shield weighs: for the check when it comes in, and again for the lesson when a
 * moderator decides, so the shield learns from the very fields it judged (the article, the author's history and the
 * copies elsewhere, as they stood when the reply was stored).
 *
 * <p>Two things the check saw are not kept with a reply: how fast the form was sent and the honeypot. Both only feed
 * the shield's certain rules, which decide before anything is weighed or learned, so a lesson does not need them.
 * Whether the browser proved it owns the email is not kept either: a lesson counts the email's spam but not its
 * approvals, as the check does for anyone who typed an email without proof.
 */
final class SubmissionBuilder {
    /** How far back the same words elsewhere on the site count as a spam run. */
    static final Duration IDENTICAL_WINDOW = Duration.ofDays(7);

    private final CommentStore store;
    private final LongFunction<Optional<Article>> articles;

    /** @param articles finds a reply's article by id, for lessons on stored replies */
    SubmissionBuilder(CommentStore store, LongFunction<Optional<Article>> articles) {
        this.store = store;
        this.articles = articles;
    }

    /**
     * A new reply, not yet stored, with what its request told.
     *
     * @param record the author's record, {@link CommentStore.AuthorRecord#unproven()} unless the browser proved the email
     * @param identicalElsewhere the copies of its words on other articles in the last {@link #IDENTICAL_WINDOW}
     */
    Submission forCheck(Article article, Comment draft, RequestInfo request, CommentStore.AuthorRecord record,
                        int identicalElsewhere, Instant now) {
        Submission.Builder b = common(Optional.of(article), draft, record, now, identicalElsewhere)
                .honeypot(request.honeypot());
        request.secondsToPost().ifPresent(b::secondsToPost);
        return b.build();
    }

    /** A stored reply as the shield saw it when it came in: only replies stored before it count as its history. */
    Submission forLesson(Comment stored) {
        CommentStore.AuthorRecord record = store.record(stored.authorEmail(), stored.ip(), stored.id()).unproven();
        int identicalElsewhere = store.identicalElsewhere(stored.bodyMarkdown(), stored.articleId(),
                stored.createdAt().minus(IDENTICAL_WINDOW), stored.id());
        return common(articles.apply(stored.articleId()), stored, record, stored.createdAt(), identicalElsewhere).build();
    }

    private Submission.Builder common(Optional<Article> article, Comment c, CommentStore.AuthorRecord r, Instant at,
                                      int identicalElsewhere) {
        Submission.Builder b = Submission.builder(c.bodyMarkdown())
                .authorName(c.authorName())
                .authorEmail(c.authorEmail())
                .authorUrl(c.authorUrl())
                .ip(c.ip())
                .userAgent(c.userAgent())
                .referrer(c.referrer())
                .type(c.parentId().isPresent() ? CommentType.REPLY : CommentType.COMMENT)
                .history(new History(r.approvedByEmail(), r.spamByEmail(), r.approvedByIp(), r.spamByIp(),
                        r.approvedByNetwork(), r.spamByNetwork(), 0, 0))
                .recentIdenticalElsewhere(identicalElsewhere);
        article.ifPresent(a -> b.permalink("/articles/" + a.slug())
                .articleTitle(a.title())
                .articleTags(a.tags().stream().map(t -> t.name()).toList())
                .articleAgeDays(Duration.between(a.shownDate(), at).toMinutes() / 1440.0));
        return b;
    }
}
