package dev.gazette.comment;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleSection.Rendered;
import dev.gazette.article.ArticleSection;
import dev.gazette.article.PageKeys;
import dev.gazette.privacy.Avatars;
import dev.gazette.web.PageCache;
import dev.gazette.web.SurrogateKeys;
import dev.gazette.web.Templates;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The replies under an article and the "Leave a Reply" form. For most readers it is the same bytes, form included
 * (its time token is shared by everyone who gets this copy), so any cache may keep it; a reader with replies of their
 * own still waiting, saved details or a reply under way gets one built for them, which no cache keeps.
 */
public final class RepliesSection implements ArticleSection {
    private final Comments comments;
    private final Avatars avatars;
    private final FormTokens tokens;
    private final ReaderCookies cookies;
    private final Templates templates;
    private final PageCache cache;
    private final boolean followOffered;

    public RepliesSection(Comments comments, Avatars avatars, FormTokens tokens, ReaderCookies cookies, Templates templates,
                   PageCache cache) {
        this(comments, avatars, tokens, cookies, templates, cache, false);
    }

    /** Whether the reply form offers "Notify me of replies" on this site (it sends mail). */
    public boolean followOffered() {
        return followOffered;
    }

    /** @param followOffered whether the form offers "Notify me of replies" (only when the site sends mail) */
    public RepliesSection(Comments comments, Avatars avatars, FormTokens tokens, ReaderCookies cookies, Templates templates,
                   PageCache cache, boolean followOffered) {
        this.followOffered = followOffered;
        this.comments = comments;
        this.avatars = avatars;
        this.tokens = tokens;
        this.cookies = cookies;
        this.templates = templates;
        this.cache = cache;
    }

    @Override
    public Rendered render(Article article, Context ctx) {
        Optional<Long> replyTo = parseId(ctx.queryParam("replyto"));
        Optional<CommentForm> remembered = cookies.remembered(ctx);
        if (replyTo.isEmpty() && remembered.isEmpty() && cookies.own(ctx).isEmpty()) {
            // Most readers: the same section for everyone, rendered once per few seconds.
            String key = PageKeys.article(article.id()) + ":section:" + page(ctx.queryParam("cpage"));
            return cache.part(key, Rendered.class, r -> keys(article), () ->
                    new Rendered(render(article, ctx, CommentForm.empty(), Map.of(), Optional.empty()).html(), key));
        }
        CommentForm values = remembered.orElse(CommentForm.empty());
        return render(article, ctx, new CommentForm("", values.name(), values.email(), values.website(), replyTo,
                values.remember()), Map.of(), Optional.empty());
    }

    /** A change to a reply purges its article's key: its page, its reply feed and the lists that count replies. */
    private static SurrogateKeys keys(Article article) {
        return SurrogateKeys.of(PageKeys.article(article.id()));
    }

    /**
     * The section with the form filled with what the reader sent, and the messages for what to change.
     *
     * @param formToken the token the reader's form came with, when still good: the form keeps the time it was first
     *                  shown, so sending it again after a correction is not taken for a program's speed
     */
    Rendered render(Article article, Context ctx, CommentForm values, Map<String, String> errors,
                    Optional<String> formToken) {
        int page = page(ctx.queryParam("cpage"));
        List<Long> own = cookies.own(ctx);
        ThreadPage threads = own.isEmpty()
                ? cache.part(PageKeys.article(article.id()) + ":replies:" + page, ThreadPage.class, t -> keys(article),
                        () -> threads(article, page, Set.of()))
                : threads(article, page, new HashSet<>(own));
        Optional<Comment> replyingTo = values.replyTo().flatMap(comments::find)
                .filter(c -> c.articleId() == article.id() && c.state() == CommentState.APPROVED);
        FormView form = new FormView("/articles/" + article.slug() + "/comments", values, errors,
                formToken.orElseGet(() -> tokens.issue(article.id())), replyingTo, comments.intake().closed(article), "/privacy",
                followOffered);
        String html = templates.render("comment/replies.jte",
                new RepliesView(article, threads.threads(), threads.total(), page, threads.pages(), form));
        return new Rendered(html, "");
    }

    private ThreadPage threads(Article article, int page, Set<Long> own) {
        List<Comment> shown = new ArrayList<>(comments.approved(article));
        int approved = shown.size();
        if (!own.isEmpty()) shown.addAll(comments.ownPending(article, own));
        List<ReplyNode> all = Threads.build(shown, (c, children) -> new ReplyNode(c, avatars.url(c.authorEmail()),
                c.state() != CommentState.APPROVED, own.contains(c.id()) && comments.editable(c), children));
        if (comments.settings().newestFirst()) {
            all = new ArrayList<>(all);
            Collections.reverse(all);
        }
        int size = comments.settings().pageSize();
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int from = Math.min((Math.min(page, pages) - 1) * size, all.size());
        return new ThreadPage(all.subList(from, Math.min(from + size, all.size())), approved, pages);
    }

    private static int page(String raw) {
        if (raw == null) return 1;
        try {
            return Math.max(1, Math.min(Integer.parseInt(raw), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static Optional<Long> parseId(String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            long id = Long.parseLong(raw.strip());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One page of threads, as cached. */
    record ThreadPage(List<ReplyNode> threads, int total, int pages) {}
}
