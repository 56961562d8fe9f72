package dev.gazette.mail;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.gazette.article.Article;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentState;
import dev.gazette.comment.ReplyListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * What replies set off, written to the outbox in the reply's own transaction: moderators hear of a held reply (at once
 * after a quiet spell, else in the next digest), a reader who ticked "Notify me" is asked to confirm, and a confirmed
 * reader hears of each published answer to their reply.
 */
public final class ReplyNotices implements ReplyListener {
    /** At most this many confirmation mails go to one address a day, however often the form names it. */
    public static final int CONFIRMATIONS_PER_DAY = 3;

    private final MailStore store;
    private final Outbox outbox;
    private final MailTexts texts;
    private final LongFunction<Optional<Article>> articles;
    private final IntSupplier digestMinutes;
    private final Clock clock;

    /** @param articles an article by id, published or not (a reply's story) */
    public ReplyNotices(MailStore store, Outbox outbox, Supplier<String> siteName, MailLinks links,
                        LongFunction<Optional<Article>> articles, IntSupplier digestMinutes, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.texts = new MailTexts(siteName, links);
        // A story's title and address, kept briefly: read once, not inside every reply's write transaction.
        LoadingCache<Long, Optional<Article>> cache = Caffeine.newBuilder().maximumSize(1_000)
                .expireAfterWrite(Duration.ofSeconds(30)).build(articles::apply);
        this.articles = cache::get;
        this.digestMinutes = digestMinutes;
        this.clock = clock;
    }

    /**
     * A held reply counts for the moderators and a ticked "Notify me" subscribes, one statement each, and the mails
     * they cause go to the outbox in one more: on SQLite all of it runs inside the one writer's transaction, where
     * every statement holds up every other reply being posted.
     */
    @Override
    public void stored(Handle h, Comment reply, boolean followReplies) {
        Instant now = clock.instant();
        List<OutgoingMail> mails = new ArrayList<>(2);
        if (reply.state() == CommentState.PENDING) tellModerators(h, reply, now, mails);
        // A reply held as spam asks for nothing: the form would otherwise send mail to any address a spammer types.
        if (followReplies && reply.state() != CommentState.SPAM && !reply.authorEmail().isEmpty()) {
            follow(h, reply, now, mails);
        }
        outbox.addAll(h, mails, now);
    }

    @Override
    public void published(Handle h, Comment reply) {
        if (reply.parentId().isEmpty()) return;
        Optional<MailStore.Subscriber> subscriber = store.confirmedFor(h, reply.parentId().get());
        if (subscriber.isEmpty() || subscriber.get().email().equalsIgnoreCase(reply.authorEmail())) return;
        if (!store.firstNotice(h, reply.id())) return;
        Article article = articles.apply(reply.articleId()).orElse(null);
        if (article == null) return;
        outbox.add(h, texts.reply(subscriber.get().email(), subscriber.get().id(), reply.authorName(),
                reply.bodyMarkdown(), article.title(), "/articles/" + article.slug() + "#comment-" + reply.id()),
                clock.instant());
    }

    private void tellModerators(Handle h, Comment reply, Instant now, List<OutgoingMail> mails) {
        Instant quietSince = now.minus(Duration.ofMinutes(digestMinutes.getAsInt()));
        List<Long> atOnce = store.heldReply(h, MailStore.MODERATING_ROLES, now, quietSince);
        // Only after a quiet spell: the others counted it for their digest, which the digest job writes.
        if (atOnce.isEmpty()) return;
        String title = articles.apply(reply.articleId()).map(Article::title).orElse("a story");
        for (MailStore.Recipient m : store.staffAddresses(h, atOnce)) {
            mails.add(texts.held(m.email(), m.id(), reply.authorName(), reply.bodyMarkdown(), title));
        }
    }

    private void follow(Handle h, Comment reply, Instant now, List<OutgoingMail> mails) {
        // An address that confirmed before has shown it wants these mails; asking again for each reply would nag.
        Optional<MailStore.Subscribed> subscribed = store.follow(h, reply.id(), reply.authorEmail(), now,
                now.minus(Duration.ofDays(1)), CONFIRMATIONS_PER_DAY);
        if (subscribed.isEmpty() || subscribed.get().confirmed()) return;
        Article article = articles.apply(reply.articleId()).orElse(null);
        if (article == null) return;
        mails.add(texts.confirm(reply.authorEmail(), subscribed.get().id(), article.title(),
                "/articles/" + article.slug() + "#comment-" + reply.id()));
    }
}
