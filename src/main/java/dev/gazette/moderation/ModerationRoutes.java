package dev.gazette.moderation;

import dev.gazette.account.Permission;
import dev.gazette.account.Staff;
import dev.gazette.account.StaffPage;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentState;
import dev.gazette.comment.CommentStore;
import dev.gazette.comment.Comments;
import dev.gazette.comment.ReplyEvent;
import dev.gazette.comment.Submitted;
import dev.gazette.web.BadRequest;
import dev.gazette.web.Params;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The moderation queue: tabs by state, filters (a story's title, a text, one author), one-click decisions on each
 * row with an Undo, actions on many replies at once, and corrections of a text. Every form works as a plain form; a
 * script sends the row's forms with {@link #FRAGMENT} and swaps in the row it gets back.
 */
public final class ModerationRoutes implements Routes {
    static final int PAGE_SIZE = 25;
    /** The request header with which the queue's script asks for the changed row instead of the whole page. */
    public static final String FRAGMENT = "Gazette-Fragment";

    private final Comments comments;
    private final Moderation moderation;
    private final Templates templates;
    private final QueueRows rows;

    public ModerationRoutes(Comments comments, Moderation moderation, Templates templates) {
        this.comments = comments;
        this.moderation = moderation;
        this.templates = templates;
        this.rows = new QueueRows(comments, moderation);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/replies", this::queue, Permission.REPLIES);
        routes.post("/admin/replies", this::act, Permission.REPLIES);
        routes.post("/admin/replies/{id}", this::decide, Permission.REPLIES);
        routes.post("/admin/replies/{id}/undo", this::undo, Permission.REPLIES);
        routes.get("/admin/replies/{id}/edit", ctx -> editPage(ctx, null, ""), Permission.REPLIES);
        routes.post("/admin/replies/{id}/edit", this::edit, Permission.REPLIES);
        routes.get("/admin/replies/{id}/reply", ctx -> replyPage(ctx, "", ""), Permission.REPLIES);
        routes.post("/admin/replies/{id}/reply", this::reply, Permission.REPLIES);
    }

    private void queue(Context ctx) {
        QueueQuery query = QueueQuery.from(ctx::queryParam, Params.page(ctx));
        Optional<Notice> notice = done(ctx).map(text -> new Notice(text, undoOffered(ctx.queryParam("undo"))));
        render(ctx, query, notice);
    }

    private void render(Context ctx, QueueQuery query, Optional<Notice> notice) {
        Optional<Comment> author = query.by().flatMap(comments::find);
        CommentStore.QueueFilter filter = new CommentStore.QueueFilter(query.state(), Optional.empty(), query.story(),
                query.text(), author.map(a -> new CommentStore.Author(a.authorName(), a.authorEmail())));
        Comments.QueuePage page = comments.queue(filter, query.page(), PAGE_SIZE);
        Staff staff = Staff.of(ctx);
        List<QueueRow> shown = rows.of(page.entries(), query.onPage(page.page()), mayseeEmail(staff), Optional.empty(),
                Optional.empty());
        StaffPage frame = staff.page("Replies", "/admin/replies");
        Responses.html(ctx, templates.render("moderation/replies.jte", new QueueView(frame, query.onPage(page.page()),
                page.counts(), shown, page.page(), page.pages(), page.total(), author.map(Comment::authorName),
                bulkActions(query.state()), notice)));
    }

    /** Many replies at once, from the ticked boxes. */
    private void act(Context ctx) {
        Moderation.Action action = Moderation.Action.of(ctx.formParam("action"))
                .orElseThrow(() -> new BadRequest("Choose an action from the list."));
        List<Long> ids = ctx.formParams("id").stream().map(QueueQuery::id).flatMap(Optional::stream).toList();
        if (ids.isEmpty()) throw new BadRequest("Tick at least one reply first.");
        List<ReplyEvent> done = moderation.apply(Staff.of(ctx), action, ids);
        int changed = action == Moderation.Action.DELETE ? ids.size() : done.size();
        ctx.redirect(back(ctx).url() + "&done=" + action.code() + "&n=" + changed
                + (done.size() == 1 ? "&undo=" + done.get(0).id() : ""), HttpStatus.SEE_OTHER);
    }

    /** One click on a row: one request, answered by the row itself (script) or by the queue again (plain form). */
    private void decide(Context ctx) {
        long id = pathId(ctx);
        String code = ctx.formParam("decision");
        Moderation.Action action = Moderation.Action.of(code == null ? "" : code)
                .filter(a -> a != Moderation.Action.DELETE)
                .orElseThrow(() -> new BadRequest("Choose approve, unapprove, spam, not spam, trash or restore."));
        Comment before = comments.find(id).orElseThrow(NotFoundResponse::new);
        Optional<ReplyEvent> line = moderation.decide(Staff.of(ctx), action, id);
        QueueQuery back = back(ctx);
        if (wantsRow(ctx)) {
            String outcome = line.map(l -> l.words().replace(" by " + Staff.of(ctx).name(), " by you"))
                    .orElse("Already " + before.state().code() + ": nothing changed.");
            sendRow(ctx, id, back, Optional.of(outcome), line);
            return;
        }
        ctx.redirect(back.url() + "&done=" + action.code() + "&n=" + (line.isPresent() ? 1 : 0)
                + line.map(l -> "&undo=" + l.id()).orElse(""), HttpStatus.SEE_OTHER);
    }

    private void undo(Context ctx) {
        long id = pathId(ctx);
        long eventId = QueueQuery.id(ctx.formParam("event"))
                .orElseThrow(() -> new BadRequest("Say which decision to undo (the event field)."));
        comments.find(id).orElseThrow(NotFoundResponse::new);
        Moderation.UndoResult result = moderation.undo(Staff.of(ctx), id, eventId);
        QueueQuery back = back(ctx);
        if (result instanceof Moderation.Refused refused) {
            ctx.status(HttpStatus.CONFLICT);
            if (wantsRow(ctx)) {
                sendRow(ctx, id, back, Optional.of(refused.why()), Optional.empty());
            } else {
                render(ctx, back, Optional.of(new Notice(refused.why(), Optional.empty())));
            }
            return;
        }
        if (wantsRow(ctx)) {
            sendRow(ctx, id, back, Optional.of(((Moderation.Undone) result).line().words()
                    .replace(" by " + Staff.of(ctx).name(), " by you")), Optional.empty());
            return;
        }
        ctx.redirect(back.url() + "&done=undone&n=1", HttpStatus.SEE_OTHER);
    }

    private void sendRow(Context ctx, long id, QueueQuery back, Optional<String> outcome, Optional<ReplyEvent> undo) {
        CommentStore.QueueEntry entry = comments.entry(id).orElseThrow(NotFoundResponse::new);
        Staff staff = Staff.of(ctx);
        QueueRow row = rows.of(List.of(entry), back, mayseeEmail(staff), outcome, undo.filter(moderation::undoable))
                .get(0);
        // The script updates the count beside "Replies" in the menu from this, without a second request.
        ctx.header("Gazette-Pending", String.valueOf(comments.stats().pendingCount()));
        Responses.personal(ctx, templates.render("moderation/reply-row.jte", new RowView(row, staff.csrf())));
    }

    private static boolean wantsRow(Context ctx) {
        return "row".equals(ctx.header(FRAGMENT));
    }

    /** The queue as the form that was sent showed it, rebuilt from known fields. */
    private static QueueQuery back(Context ctx) {
        int page = QueueQuery.id(ctx.formParam("page")).map(Long::intValue).filter(p -> p <= 100_000).orElse(1);
        return QueueQuery.from(ctx::formParam, page);
    }

    /** Emails are for staff who answer people's data requests; moderators judge a reply without them. */
    static boolean mayseeEmail(Staff staff) {
        return staff.may(Permission.PEOPLE);
    }

    private Optional<ReplyEvent> undoOffered(String raw) {
        return QueueQuery.id(raw).flatMap(moderation.history()::find).filter(moderation::undoable);
    }

    private void editPage(Context ctx, String text, String error) {
        Comment c = found(ctx);
        ctx.status(error.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
        Responses.html(ctx, templates.render("moderation/reply-edit.jte", new EditView(
                Staff.of(ctx).page("Edit reply #" + c.id(), "/admin/replies"), c, text == null ? c.bodyMarkdown() : text,
                error, story(c))));
    }

    private void edit(Context ctx) {
        Comment c = found(ctx);
        String text = field(ctx, "comment");
        Map<String, String> errors = comments.correct(c, text, Staff.of(ctx).name());
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
        Responses.html(ctx, templates.render("moderation/reply-answer.jte", new EditView(
                Staff.of(ctx).page("Reply to " + c.authorName(), "/admin/replies"), c, text, error, story(c))));
    }

    private void reply(Context ctx) {
        Comment c = found(ctx);
        Staff staff = Staff.of(ctx);
        String text = field(ctx, "comment");
        var outcome = comments.intake().staffReply(c, staff.name(), staff.email(), text);
        if (outcome instanceof Submitted.Invalid invalid) {
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
    private static Optional<String> done(Context ctx) {
        String code = ctx.queryParam("done") == null ? "" : ctx.queryParam("done");
        int n = QueueQuery.id(ctx.queryParam("n")).map(Long::intValue).orElse(0);
        String what = switch (code) {
            case "edited" -> "saved the correction";
            case "replied" -> "published your reply";
            case "undone" -> "undone";
            default -> Moderation.Action.of(code).map(Moderation.Action::label).orElse("");
        };
        if (what.isEmpty()) return Optional.empty();
        return Optional.of(n + (n == 1 ? " reply: " : " replies: ") + what);
    }

    /** The title of the story a reply answers. */
    private String story(Comment c) {
        return comments.entry(c.id()).map(CommentStore.QueueEntry::articleTitle).orElse("");
    }

    private Comment found(Context ctx) {
        return comments.find(pathId(ctx)).orElseThrow(NotFoundResponse::new);
    }

    private static long pathId(Context ctx) {
        return QueueQuery.id(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
    }

    /** The actions that make sense in each tab, for many replies at once. */
    private static List<Moderation.Action> bulkActions(CommentState state) {
        return switch (state) {
            case PENDING -> List.of(Moderation.Action.APPROVE, Moderation.Action.SPAM, Moderation.Action.TRASH);
            case APPROVED -> List.of(Moderation.Action.UNAPPROVE, Moderation.Action.SPAM, Moderation.Action.TRASH);
            case SPAM -> List.of(Moderation.Action.NOT_SPAM, Moderation.Action.TRASH, Moderation.Action.DELETE);
            case TRASH -> List.of(Moderation.Action.RESTORE, Moderation.Action.SPAM, Moderation.Action.DELETE);
        };
    }

    /** The one-click decisions on a row, by where the reply is now. */
    static List<Moderation.Action> rowActions(CommentState state) {
        return switch (state) {
            case PENDING -> List.of(Moderation.Action.APPROVE, Moderation.Action.SPAM, Moderation.Action.TRASH);
            case APPROVED -> List.of(Moderation.Action.UNAPPROVE, Moderation.Action.SPAM, Moderation.Action.TRASH);
            case SPAM -> List.of(Moderation.Action.NOT_SPAM, Moderation.Action.TRASH);
            case TRASH -> List.of(Moderation.Action.RESTORE, Moderation.Action.SPAM);
        };
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    /** What was just done, with the decision that may still be undone. */
    public record Notice(String text, Optional<ReplyEvent> undo) {}

    /** The model of the queue. */
    public record QueueView(StaffPage frame, QueueQuery query, Map<CommentState, Integer> counts, List<QueueRow> rows,
                            int page, int pages, int total, Optional<String> author,
                            List<Moderation.Action> actions, Optional<Notice> notice) {
        public List<CommentState> tabs() {
            return List.of(CommentState.values());
        }

        public String tabUrl(CommentState s) {
            return query.inState(s).url();
        }

        public String pageUrl(int n) {
            return query.onPage(n).url();
        }
    }

    /** One row on its own, as the queue's script asks for it after a decision. */
    public record RowView(QueueRow row, String csrf) {}

    /** The model of the page where a moderator corrects a reply. */
    public record EditView(StaffPage frame, Comment comment, String text, String error, String story) {}
}
