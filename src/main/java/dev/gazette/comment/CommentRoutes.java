package dev.gazette.comment;

import dev.gazette.article.Article;
import dev.gazette.article.ArticlePage;
import dev.gazette.article.ArticleSection;
import dev.gazette.article.Articles;
import dev.gazette.web.ClientRequest;
import dev.gazette.web.Format;
import dev.gazette.web.Page;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Templates;
import dev.gazette.web.Throttle;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Taking replies in: the form's POST, and an author's own edit or withdrawal within the edit window. */
public final class CommentRoutes implements Routes {
    private static final Logger log = LoggerFactory.getLogger(CommentRoutes.class);
    // Seconds a reader is asked to wait before sending a reply again that the database could not take.
    private static final int RETRY_AFTER_SECONDS = 10;
    private static final String NOT_SAVED_UNAVAILABLE = "The site cannot reach its database just now, so it could"
            + " not save your reply. Please send it again in a minute or two.";
    private static final String NOT_SAVED_FAULT = "Something went wrong on our side and your reply was not saved."
            + " The error has been logged. Please send it again in a moment.";
    static final String HONEYPOT = "phone";
    private static final String SESSION_LOST = "The page was open for more than a day, or its form arrived damaged."
            + " Your comment is kept below: please send it again.";
    private static final String TOO_SOON = "That came back sooner than a person usually writes, so we did not take it"
            + " yet: programs that send spam are that quick. Your comment is kept below: please check it and send it"
            + " again.";

    private final Comments comments;
    private final ArticlePage articlePage;
    private final RepliesSection replies;
    private final FormTokens tokens;
    private final ReaderCookies cookies;
    private final Articles articles;
    private final Templates templates;
    private final Function<String, Page> chrome;
    private final ReplyLimits limits;
    private final Predicate<Throwable> unavailable;

    /**
     * @param chrome      the page frame for pages of this feature's own; it must not need the database, since a
     *                    reply that could not be saved is shown in it
     * @param unavailable tells the database being away or full from a fault
     */
    /**
     * @param unavailable tells a failure of the database from a fault, for the page that gives a reader their text back
     * @param buckets     where the reply flood limits are counted: this node's memory, or the database all nodes share
     */
    public CommentRoutes(Comments comments, ArticlePage articlePage, RepliesSection replies, FormTokens tokens,
                         ReaderCookies cookies, Articles articles, Templates templates, Function<String, Page> chrome,
                         Predicate<Throwable> unavailable, Throttle buckets) {
        this.unavailable = unavailable;
        this.articles = articles;
        this.templates = templates;
        this.chrome = chrome;
        this.comments = comments;
        this.articlePage = articlePage;
        this.replies = replies;
        this.tokens = tokens;
        this.cookies = cookies;
        this.limits = new ReplyLimits(comments::settings, buckets);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/articles/{slug}/comments", this::submit);
        routes.post("/comments/{id}/delete", this::withdraw);
        routes.get("/comments/{id}/edit", ctx -> editPage(ctx, null, ""));
        routes.post("/comments/{id}/edit", this::edit);
    }

    private void submit(Context ctx) {
        CommentForm form = new CommentForm(field(ctx, "comment"), field(ctx, "author"), field(ctx, "email"),
                field(ctx, "url"), RepliesSection.parseId(ctx.formParam("comment_parent")),
                ctx.formParam("remember") != null, ctx.formParam("notify") != null);
        String token = field(ctx, "form_token");
        try {
            submit(ctx, form, token);
        } catch (HttpResponseException e) {
            throw e; // a 404 for an unknown story, a 403: answers, not failures
        } catch (RuntimeException e) {
            notSaved(ctx, form, token, e);
        }
    }

    /**
     * Nothing was saved (the database away, the disk full, a fault): the reader gets their text back in a form that
     * needs no database to show, with what happened and when to try again, never a bare error page.
     */
    private void notSaved(Context ctx, CommentForm form, String token, RuntimeException e) {
        boolean away = unavailable.test(e);
        HttpStatus status = away ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
        if (away) {
            log.warn("Reply to {} not saved, given back to its writer: the database is unavailable ({})",
                    ctx.path(), e.toString());
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        } else {
            log.error("Reply to {} not saved, given back to its writer", ctx.path(), e);
        }
        String articlePath = "/articles/" + ctx.pathParam("slug");
        FormView view = new FormView(articlePath + "/comments", form,
                Map.of("form", away ? NOT_SAVED_UNAVAILABLE : NOT_SAVED_FAULT), token, Optional.empty(), false,
                "/privacy", replies.followOffered());
        ctx.status(status);
        Responses.personal(ctx, templates.render("comment/reply-unsaved.jte", new UnsavedView(
                chrome.apply("Your reply was not saved").notIndexed(), status.getCode(), articlePath, view)));
    }

    private void submit(Context ctx, CommentForm form, String token) {
        Article article = articlePage.article(ctx.pathParam("slug"));
        OptionalDouble seconds = tokens.secondsSinceShown(token, article.id());
        if (seconds.isEmpty()) {
            refuse(ctx, article, form, Map.of("form", SESSION_LOST), Optional.empty(), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        // The form keeps the token it came with, so the time trap counts from when the reader first saw it.
        if (tokens.tooSoon(seconds.getAsDouble())) {
            refuse(ctx, article, form, Map.of("form", TOO_SOON), Optional.of(token), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        String ip = clientIp(ctx);
        long wait = limits.take(ip, System.nanoTime());
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            refuse(ctx, article, form, Map.of("form", "This address has sent too many replies in a short time. Please"
                    + " wait " + Format.waitFor(wait) + " and send it again; your comment is kept below."),
                    Optional.of(token), HttpStatus.TOO_MANY_REQUESTS);
            return;
        }
        String email = CommentValidator.normalize(form).email();
        boolean proven = cookies.knownAs(ctx, email) || comments.approvedUnder(cookies.own(ctx), email);
        RequestInfo request = new RequestInfo(ip, header(ctx, "User-Agent"), header(ctx, "Referer"), seconds,
                field(ctx, HONEYPOT), proven);
        Submitted outcome = comments.intake().submit(article, form, request);
        if (outcome instanceof Submitted.Invalid invalid) {
            refuse(ctx, article, form, invalid.errors(), Optional.of(token), HttpStatus.UNPROCESSABLE_CONTENT);
        } else if (outcome instanceof Submitted.Stored stored) {
            cookies.addOwn(ctx, stored.comment().id());
            cookies.remember(ctx, CommentValidator.normalize(form));
            if (proven || stored.comment().state() == CommentState.APPROVED) cookies.markKnown(ctx, email);
            ctx.redirect("/articles/" + article.slug() + "#comment-" + stored.comment().id(), HttpStatus.SEE_OTHER);
        } else {
            // Discarded: the sender learns nothing that would help the next attempt.
            ctx.redirect("/articles/" + article.slug() + "#comments", HttpStatus.SEE_OTHER);
        }
    }

    private void withdraw(Context ctx) {
        Comment comment = ownEditable(ctx);
        comments.withdraw(comment);
        ctx.redirect(articleUrl(comment) + "#comments", HttpStatus.SEE_OTHER);
    }

    private void edit(Context ctx) {
        Comment comment = ownEditable(ctx);
        String text = field(ctx, "comment");
        Map<String, String> errors = comments.edit(comment, text);
        if (errors.isEmpty()) {
            ctx.redirect(articleUrl(comment) + "#comment-" + comment.id(), HttpStatus.SEE_OTHER);
        } else {
            editPage(ctx, text, errors.getOrDefault("comment", errors.getOrDefault("form", "")));
        }
    }

    private void editPage(Context ctx, String text, String error) {
        Comment comment = ownEditable(ctx);
        ctx.status(error.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
        Responses.personal(ctx, templates.render("comment/edit-reply.jte", new EditView(chrome.apply("Edit your reply").notIndexed(),
                comment.id(), articleTitle(comment), text == null ? comment.bodyMarkdown() : text, error,
                Format.dateTime(comments.editableUntil(comment)), articleUrl(comment))));
    }

    /** The reader's own reply, still inside its edit window; anything else is refused with the reason. */
    private Comment ownEditable(Context ctx) {
        Comment comment = RepliesSection.parseId(ctx.pathParam("id")).flatMap(comments::find)
                .filter(c -> cookies.own(ctx).contains(c.id()))
                .orElseThrow(() -> new ForbiddenResponse("You can only change your own replies, from the browser you"
                        + " wrote them in."));
        if (!comments.editable(comment)) {
            throw new ForbiddenResponse("The " + comments.settings().editMinutes() + " minutes to change this reply"
                    + " have passed.");
        }
        return comment;
    }

    private String articleUrl(Comment comment) {
        return articles.published(List.of(comment.articleId())).stream().findFirst()
                .map(a -> "/articles/" + a.slug()).orElse("/");
    }

    private String articleTitle(Comment comment) {
        return articles.published(List.of(comment.articleId())).stream().findFirst()
                .map(a -> a.title()).orElse("");
    }

    /** The article again, with the reader's words in the form and what to do about them. */
    private void refuse(Context ctx, Article article, CommentForm form, Map<String, String> errors,
                        Optional<String> formToken, HttpStatus status) {
        articlePage.send(ctx, articlePage.find(article.slug()), replies.render(article, ctx, form, errors, formToken));
        ctx.status(status);
    }

    /** The address in one canonical spelling, so the shield's history matches it however Jetty wrote it. */
    private static String clientIp(Context ctx) {
        return ClientRequest.of(ctx).address(); // through trusted proxies only (proxy.trusted)
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static String header(Context ctx, String name) {
        String value = ctx.header(name);
        return value == null ? "" : value.length() > 500 ? value.substring(0, 500) : value;
    }
}
