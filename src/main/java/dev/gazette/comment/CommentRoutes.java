package dev.gazette.comment;

import dev.gazette.article.ArticlePage;
import dev.gazette.article.ArticleSection;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Taking replies in: the form's POST, and an author's own edit or withdrawal within the edit window. */
public final class CommentRoutes implements Routes {
    static final String HONEYPOT = "phone";
    private static final String SESSION_LOST = "Your browser did not send back our form cookie, or the page was open"
            + " too long. Your comment is kept below: please send it again.";

    private final Comments comments;
    private final ArticlePage articlePage;
    private final RepliesSection replies;
    private final FormTokens tokens;
    private final ReaderCookies cookies;

    public CommentRoutes(Comments comments, ArticlePage articlePage, RepliesSection replies, FormTokens tokens,
                  ReaderCookies cookies) {
        this.comments = comments;
        this.articlePage = articlePage;
        this.replies = replies;
        this.tokens = tokens;
        this.cookies = cookies;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/articles/{slug}/comments", this::submit);
        routes.post("/comments/{id}/delete", this::withdraw);
    }

    private void submit(Context ctx) {
        ArticlePage.Framed framed = articlePage.find(ctx.pathParam("slug"));
        CommentForm form = new CommentForm(field(ctx, "comment"), field(ctx, "author"), field(ctx, "email"),
                field(ctx, "url"), RepliesSection.parseId(ctx.formParam("comment_parent")),
                ctx.formParam("remember") != null);
        OptionalDouble seconds = tokens.secondsSinceShown(field(ctx, "form_token"), framed.article().id());
        if (!cookies.csrfValid(ctx, ctx.formParam("csrf")) || seconds.isEmpty()) {
            invalid(ctx, framed, form, Map.of("form", SESSION_LOST));
            return;
        }
        RequestInfo request = new RequestInfo(Networks.canonical(ctx.ip()), header(ctx, "User-Agent"),
                header(ctx, "Referer"), seconds, field(ctx, HONEYPOT));
        Submitted outcome = comments.submit(framed.article(), form, request);
        if (outcome instanceof Submitted.Invalid invalid) {
            invalid(ctx, framed, form, invalid.errors());
        } else if (outcome instanceof Submitted.Stored stored) {
            cookies.addOwn(ctx, stored.comment().id());
            cookies.remember(ctx, CommentValidator.normalize(form));
            ctx.redirect("/articles/" + framed.article().slug() + "#comment-" + stored.comment().id(), HttpStatus.SEE_OTHER);
        } else {
            // Discarded: the sender learns nothing that would help the next attempt.
            ctx.redirect("/articles/" + framed.article().slug() + "#comments", HttpStatus.SEE_OTHER);
        }
    }

    private void withdraw(Context ctx) {
        Optional<Comment> comment = RepliesSection.parseId(ctx.pathParam("id")).flatMap(comments::find)
                .filter(c -> cookies.own(ctx).contains(c.id()));
        if (comment.isEmpty() || !cookies.csrfValid(ctx, ctx.formParam("csrf")) || !comments.withdraw(comment.get())) {
            ctx.status(HttpStatus.FORBIDDEN).contentType(Responses.HTML)
                    .result("<!DOCTYPE html><title>Not allowed</title><p>You can only take back your own reply, "
                            + "within " + comments.settings().editMinutes() + " minutes of posting it. "
                            + "<a href=\"/\">Back to the news</a></p>");
            return;
        }
        ctx.redirect(ctx.header("Referer") != null && ctx.header("Referer").startsWith("/") ? ctx.header("Referer") : "/",
                HttpStatus.SEE_OTHER);
    }

    private void invalid(Context ctx, ArticlePage.Framed framed, CommentForm form, Map<String, String> errors) {
        ArticleSection.Rendered section = replies.render(framed.article(), ctx, form, errors);
        Responses.personalized(ctx, framed.with(section.html()), section.fills());
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
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
