package dev.gazette.moderation;

import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentState;
import dev.gazette.comment.CommentStore;
import dev.gazette.comment.Comments;
import dev.gazette.web.BadRequest;
import dev.gazette.web.Params;
import dev.gazette.web.Permission;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Staff;
import dev.gazette.web.StaffPage;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The moderation queue: tabs by state, filters, actions on one or many replies, and corrections of a text. */
public final class ModerationRoutes implements Routes {
    static final int PAGE_SIZE = 25;

    private final Comments comments;
    private final Moderation moderation;
    private final Templates templates;

    public ModerationRoutes(Comments comments, Moderation moderation, Templates templates) {
        this.comments = comments;
        this.moderation = moderation;
        this.templates = templates;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/replies", this::queue, Permission.REPLIES);
        routes.post("/admin/replies", this::act, Permission.REPLIES);
        routes.get("/admin/replies/{id}/edit", ctx -> editPage(ctx, null, ""), Permission.REPLIES);
        routes.post("/admin/replies/{id}/edit", this::edit, Permission.REPLIES);
        routes.get("/admin/replies/{id}/reply", ctx -> replyPage(ctx, "", ""), Permission.REPLIES);
        routes.post("/admin/replies/{id}/reply", this::reply, Permission.REPLIES);
    }

    private void queue(Context ctx) {
        CommentStore.QueueFilter filter = filter(ctx);
        Comments.QueuePage page = comments.queue(filter, Params.page(ctx), PAGE_SIZE);
        List<Row> rows = new ArrayList<>();
        for (Comment c : page.items()) {
            rows.add(new Row(c, moderation.checkNow(c), List.of(c.spamReasons().split("\n")).stream()
                    .filter(r -> !r.isBlank()).toList()));
        }
        StaffPage frame = Staff.of(ctx).page("Replies", "/admin/replies");
        Responses.html(ctx, templates.render("admin-replies.jte", new QueueView(frame, filter.state(), comments.counts(),
                rows, page.page(), page.pages(), page.total(), filter.articleId().map(String::valueOf).orElse(""),
                filter.text(), actions(filter.state()), done(ctx))));
    }

    private void act(Context ctx) {
        Moderation.Action action = Moderation.Action.of(ctx.formParam("action"))
                .orElseThrow(() -> new BadRequest("Choose an action from the list."));
        List<Long> ids = ctx.formParams("id").stream().map(ModerationRoutes::id).flatMap(Optional::stream).toList();
        if (ids.isEmpty()) throw new BadRequest("Tick at least one reply first.");
        int changed = moderation.apply(Staff.of(ctx), action, ids);
        String back = "/admin/replies?state=" + field(ctx, "state").replaceAll("[^a-z]", "") + "&done="
                + action.name().toLowerCase(Locale.ROOT) + "&n=" + changed;
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private void editPage(Context ctx, String text, String error) {
        Comment c = found(ctx);
        ctx.status(error.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
        Responses.html(ctx, templates.render("admin-reply-edit.jte", new EditView(
                Staff.of(ctx).page("Edit reply #" + c.id(), "/admin/replies"), c, text == null ? c.bodyMarkdown() : text,
                error)));
    }

    private void edit(Context ctx) {
        Comment c = found(ctx);
        String text = field(ctx, "comment");
        Map<String, String> errors = comments.correct(c, text);
        if (!errors.isEmpty()) {
            editPage(ctx, text, errors.values().iterator().next());
            return;
        }
        moderation.recordEdit(Staff.of(ctx), c);
        ctx.redirect("/admin/replies?state=" + c.state().code() + "&done=edited&n=1", HttpStatus.SEE_OTHER);
    }

    private void replyPage(Context ctx, String text, String error) {
        Comment c = found(ctx);
        ctx.status(error.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
        Responses.html(ctx, templates.render("admin-reply-answer.jte", new EditView(
                Staff.of(ctx).page("Reply to " + c.authorName(), "/admin/replies"), c, text, error)));
    }

    private void reply(Context ctx) {
        Comment c = found(ctx);
        Staff staff = Staff.of(ctx);
        String text = field(ctx, "comment");
        var outcome = comments.staffReply(c, staff.name(), staff.email(), text);
        if (outcome instanceof dev.gazette.comment.Submitted.Invalid invalid) {
            replyPage(ctx, text, invalid.errors().values().iterator().next());
            return;
        }
        moderation.recordReply(staff, c);
        ctx.redirect("/admin/replies?state=" + c.state().code() + "&done=replied&n=1", HttpStatus.SEE_OTHER);
    }

    /**
     * The notice after an action, built from a known action and a count only: a link cannot make the queue say
     * anything else.
     */
    private static String done(Context ctx) {
        String code = ctx.queryParam("done") == null ? "" : ctx.queryParam("done");
        int n = id(ctx.queryParam("n")).map(Long::intValue).filter(v -> v >= 0).orElse(0);
        String what = switch (code) {
            case "edited" -> "saved the correction";
            case "replied" -> "published your reply";
            default -> Moderation.Action.of(code).map(Moderation.Action::label).orElse("");
        };
        if (what.isEmpty()) return "";
        return n + (n == 1 ? " reply: " : " replies: ") + what;
    }

    private Comment found(Context ctx) {
        return id(ctx.pathParam("id")).flatMap(comments::find).orElseThrow(NotFoundResponse::new);
    }

    private static CommentStore.QueueFilter filter(Context ctx) {
        String raw = ctx.queryParam("state") == null ? "pending" : ctx.queryParam("state");
        CommentState state;
        try {
            state = CommentState.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("Unknown tab '" + raw + "': use pending, approved, spam or trash.");
        }
        String text = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        return new CommentStore.QueueFilter(state, id(ctx.queryParam("article")), text.length() > 200 ? text.substring(0, 200) : text);
    }

    /** The actions that make sense in each tab. */
    private static List<Moderation.Action> actions(CommentState state) {
        return switch (state) {
            case PENDING -> List.of(Moderation.Action.APPROVE, Moderation.Action.SPAM, Moderation.Action.TRASH);
            case APPROVED -> List.of(Moderation.Action.UNAPPROVE, Moderation.Action.SPAM, Moderation.Action.TRASH);
            case SPAM -> List.of(Moderation.Action.NOT_SPAM, Moderation.Action.DELETE);
            case TRASH -> List.of(Moderation.Action.RESTORE, Moderation.Action.DELETE);
        };
    }

    private static Optional<Long> id(String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    /** One reply in the queue, with the shield's verdict then and its probability now. */
    public record Row(Comment comment, double nowProbability, List<String> reasons) {}

    /** The model of the queue. */
    public record QueueView(StaffPage frame, CommentState state, Map<CommentState, Integer> counts, List<Row> rows,
                            int page, int pages, int total, String article, String query,
                            List<Moderation.Action> actions, String done) {
        public List<CommentState> tabs() {
            return List.of(CommentState.values());
        }

        public String tabUrl(CommentState s) {
            return "/admin/replies?state=" + s.code();
        }

        public String pageUrl(int n) {
            return "/admin/replies?state=" + state.code() + "&page=" + n
                    + (article.isEmpty() ? "" : "&article=" + article)
                    + (query.isEmpty() ? "" : "&q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The model of the page where a moderator corrects a reply. */
    public record EditView(StaffPage frame, Comment comment, String text, String error) {}
}
