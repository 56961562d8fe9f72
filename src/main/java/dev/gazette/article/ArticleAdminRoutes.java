package dev.gazette.article;

import dev.gazette.account.Activity;
import dev.gazette.account.Permission;
import dev.gazette.account.Staff;
import dev.gazette.account.StaffPage;
import dev.gazette.web.BadRequest;
import dev.gazette.web.Params;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Templates;
import dev.gazette.web.WebServer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The newsroom's article editor: the filtered list, writing and editing, publishing, unpublishing and deleting. */
public final class ArticleAdminRoutes implements Routes {
    static final int PAGE_SIZE = 25;
    static final int PICTURES_OFFERED = 12;
    // Notices after a redirect come from this list by code, so a link cannot make the page say anything else.
    private static final Map<String, String> DONE = Map.of(
            "saved", "Saved.",
            "published", "Published: the story is on the site now.",
            "scheduled", "Scheduled.",
            "unpublished", "Unpublished: the story is a draft again and gone from the site.",
            "deleted", "Deleted.");

    private final Articles articles;
    private final Activity activity;
    private final Templates templates;
    private final Pictures pictures;

    public ArticleAdminRoutes(Articles articles, Activity activity, Templates templates) {
        this(articles, activity, templates, Pictures.NONE);
    }

    /** @param pictures the site's pictures, offered as lead pictures and for the text */
    public ArticleAdminRoutes(Articles articles, Activity activity, Templates templates, Pictures pictures) {
        this.articles = articles;
        this.activity = activity;
        this.templates = templates;
        this.pictures = pictures;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/articles", this::list, Permission.ARTICLES);
        routes.get("/admin/articles/new", this::newPage, Permission.ARTICLES);
        routes.post("/admin/articles/new", this::create, Permission.ARTICLES);
        routes.post("/admin/articles/preview", this::preview, Permission.ARTICLES);
        routes.get("/admin/articles/{id}/edit", this::editPage, Permission.ARTICLES);
        routes.post("/admin/articles/{id}/edit", this::save, Permission.ARTICLES);
        routes.post("/admin/articles/{id}/unpublish", this::unpublish, Permission.ARTICLES);
        routes.get("/admin/articles/{id}/delete", this::confirmDelete, Permission.ARTICLES);
        routes.post("/admin/articles/{id}/delete", this::delete, Permission.ARTICLES);
    }

    private void list(Context ctx) {
        ArticleFilter filter = filter(ctx);
        Paged<Article> page = articles.forStaff(filter, Params.page(ctx), PAGE_SIZE);
        Responses.html(ctx, templates.render("article/admin-list.jte", new ListView(frame(ctx), page, filter,
                articles.allSections(), done(ctx))));
    }

    private void newPage(Context ctx) {
        render(ctx, HttpStatus.OK, editor(ctx, Optional.empty(), ArticleForm.blank(Staff.of(ctx).name()), 0));
    }

    private void editPage(Context ctx) {
        Article a = found(ctx);
        render(ctx, HttpStatus.OK, editor(ctx, Optional.of(a), ArticleForm.of(a), a.version()).withNotice(done(ctx)));
    }

    private void create(Context ctx) {
        ArticleForm form = form(ctx);
        if (isPreview(ctx)) {
            render(ctx, HttpStatus.OK, editor(ctx, Optional.empty(), form, 0).withPreview(articles.preview(form.body()))
                    .withErrors(bodyProblems(form)));
            return;
        }
        Map<String, String> errors = errors(form);
        if (!errors.isEmpty()) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, editor(ctx, Optional.empty(), form, 0).withErrors(errors));
            return;
        }
        SaveResult result = articles.create(form.draft(), form.slug());
        if (result instanceof SaveResult.Stored stored) {
            Article a = stored.article();
            activity.record(Staff.of(ctx), "create article", target(a));
            if (a.state() != ArticleState.DRAFT) activity.record(Staff.of(ctx), verb(a.state()), target(a));
            ctx.redirect(editUrl(a) + "?done=" + doneCode(a.state()), HttpStatus.SEE_OTHER);
        } else if (result instanceof SaveResult.SlugTaken taken) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, editor(ctx, Optional.empty(), form, 0)
                    .withErrors(Map.of("slug", slugTaken(taken.slug()))));
        } else {
            throw new IllegalStateException("Unexpected result of a create: " + result);
        }
    }

    private void save(Context ctx) {
        Article loaded = found(ctx);
        ArticleForm form = form(ctx);
        int version = version(ctx);
        if (isPreview(ctx)) {
            render(ctx, HttpStatus.OK, editor(ctx, Optional.of(loaded), form, version)
                    .withPreview(articles.preview(form.body())).withErrors(bodyProblems(form)));
            return;
        }
        Map<String, String> errors = errors(form);
        if (!errors.isEmpty()) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, editor(ctx, Optional.of(loaded), form, version).withErrors(errors));
            return;
        }
        SaveResult result = articles.update(loaded.id(), version, form.slug(), form.draft());
        if (result instanceof SaveResult.Stored stored) {
            Article a = stored.article();
            boolean stateChanged = a.state() != loaded.state();
            activity.record(Staff.of(ctx), stateChanged ? verb(a.state()) : "edit article", target(a));
            ctx.redirect(editUrl(a) + "?done=" + (stateChanged ? doneCode(a.state()) : "saved"), HttpStatus.SEE_OTHER);
        } else if (result instanceof SaveResult.Stale stale) {
            conflict(ctx, form, stale.current());
        } else if (result instanceof SaveResult.SlugTaken taken) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, editor(ctx, Optional.of(loaded), form, version)
                    .withErrors(Map.of("slug", slugTaken(taken.slug()))));
        } else {
            throw new NotFoundResponse();
        }
    }

    /**
     * Someone saved first: nothing is overwritten. The page shows their version beside this person's input, kept in
     * the form, which now carries the newer version so that saving again is a deliberate choice.
     */
    private void conflict(Context ctx, ArticleForm mine, Article theirs) {
        render(ctx, HttpStatus.CONFLICT, editor(ctx, Optional.of(theirs), mine, theirs.version())
                .withConflict(theirs, "Someone else saved this article while you were editing it, so your changes"
                        + " were not saved. Their version is shown below; your text is still in the form. Copy"
                        + " what you need from theirs, then save again to replace it with yours."));
    }

    private void unpublish(Context ctx) {
        Article loaded = found(ctx);
        SaveResult result = articles.unpublish(loaded.id(), version(ctx));
        if (result instanceof SaveResult.Stored stored) {
            activity.record(Staff.of(ctx), "unpublish article", target(stored.article()));
            ctx.redirect(editUrl(stored.article()) + "?done=unpublished", HttpStatus.SEE_OTHER);
        } else if (result instanceof SaveResult.Stale stale) {
            Article current = stale.current();
            render(ctx, HttpStatus.CONFLICT, editor(ctx, Optional.of(current), ArticleForm.of(current), current.version())
                    .withConflict(current, "Someone else saved this article after you loaded it, so it was not"
                            + " unpublished. Here is their version; unpublish again if you still want to."));
        } else {
            throw new NotFoundResponse();
        }
    }

    private void confirmDelete(Context ctx) {
        Article a = found(ctx);
        Responses.html(ctx, templates.render("article/admin-delete.jte",
                new DeleteView(Staff.of(ctx).page("Delete article #" + a.id(), "/admin/articles"), a)));
    }

    private void delete(Context ctx) {
        Article a = found(ctx);
        if (articles.delete(a.id())) activity.record(Staff.of(ctx), "delete article", target(a));
        ctx.redirect("/admin/articles?done=deleted", HttpStatus.SEE_OTHER);
    }

    /** The rendered, sanitized Markdown, with any problem in it, for the editor's live preview. */
    private void preview(Context ctx) {
        String body = ctx.formParam("body") == null ? "" : ctx.formParam("body");
        ctx.contentType(Responses.HTML).result(templates.render("article/admin-preview.jte",
                new PreviewView(articles.preview(body), articles.bodyProblems(body))));
    }

    private ArticleEditorView editor(Context ctx, Optional<Article> article, ArticleForm form, int version) {
        String title = article.map(a -> "Edit article #" + a.id()).orElse("New article");
        // The newest uploads, and the chosen lead picture even when older than those.
        List<Picture> offered = new ArrayList<>(pictures.recent(PICTURES_OFFERED));
        if (!form.leadImage().isEmpty() && offered.stream().noneMatch(p -> p.id().equals(form.leadImage()))) {
            pictures.find(form.leadImage()).ifPresent(p -> offered.add(0, p));
        }
        return new ArticleEditorView(Staff.of(ctx).page(title, "/admin/articles"), article, form, version, Map.of(),
                "", "", Optional.empty(), offered);
    }

    private void render(Context ctx, HttpStatus status, ArticleEditorView view) {
        ctx.status(status);
        WebServer.allowHttpsImages(ctx); // the preview shows the body as readers will see it
        Responses.html(ctx, templates.render("article/admin-edit.jte", view));
    }

    private static ArticleForm form(Context ctx) {
        ArticleForm form = new ArticleForm(ctx.formParam("title"), ctx.formParam("slug"), ctx.formParam("summary"),
                ctx.formParam("body"), ctx.formParam("author"), ctx.formParam("section"), ctx.formParam("tags"),
                ctx.formParam("state"), ctx.formParam("publishAt"), ctx.formParam("sourceHeadline"),
                ctx.formParam("sourceOutlet"), ctx.formParam("sourceAgency"), ctx.formParam("sourceUrl"),
                ctx.formParam("leadImage"));
        // The buttons beside "Save" name the state they lead to; "Save" keeps the one chosen in the form.
        String action = ctx.formParam("action") == null ? "save" : ctx.formParam("action");
        return switch (action) {
            case "draft" -> form.withState(ArticleState.DRAFT);
            case "schedule" -> form.withState(ArticleState.SCHEDULED);
            case "publish" -> form.withState(ArticleState.PUBLISHED);
            case "save", "preview" -> form;
            default -> throw new BadRequest("Unknown action '" + action + "': use save, draft, schedule, publish or preview.");
        };
    }

    /**
     * The form's own errors, and what readers would not see as written in the text: a tag left open would hide the
     * rest of the story, so the editor decides before anything is saved.
     */
    private Map<String, String> errors(ArticleForm form) {
        Map<String, String> errors = new LinkedHashMap<>(form.errors());
        bodyProblems(form).forEach(errors::putIfAbsent);
        if (!form.leadImage().isEmpty() && !errors.containsKey("leadImage") && pictures.find(form.leadImage()).isEmpty()) {
            errors.put("leadImage", "That picture is not in the library any more. Choose another, or none.");
        }
        return errors;
    }

    private Map<String, String> bodyProblems(ArticleForm form) {
        List<String> problems = articles.bodyProblems(form.body());
        return problems.isEmpty() ? Map.of() : Map.of("body", String.join(" ", problems));
    }

    private static boolean isPreview(Context ctx) {
        return "preview".equals(ctx.formParam("action"));
    }

    private static int version(Context ctx) {
        String raw = ctx.formParam("version");
        try {
            int version = Integer.parseInt(raw == null ? "" : raw.strip());
            if (version >= 1) return version;
        } catch (NumberFormatException e) {
            // the message below says what to do
        }
        throw new BadRequest("The form lost track of the article's version. Reload the article and edit it again.");
    }

    private Article found(Context ctx) {
        try {
            return articles.find(Long.parseLong(ctx.pathParam("id"))).orElseThrow(NotFoundResponse::new);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    private static ArticleFilter filter(Context ctx) {
        String rawState = query(ctx, "state");
        Optional<ArticleState> state = Arrays.stream(ArticleState.values())
                .filter(s -> s.code().equals(rawState.toLowerCase(Locale.ROOT))).findFirst();
        if (!rawState.isEmpty() && state.isEmpty()) {
            throw new BadRequest("Unknown state '" + rawState + "': use draft, scheduled or published.");
        }
        String tag = query(ctx, "tag");
        String text = query(ctx, "q");
        return new ArticleFilter(state, query(ctx, "section"), tag.isBlank() ? "" : Slugs.slugify(tag),
                text.length() > 200 ? text.substring(0, 200) : text);
    }

    private static String query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    private static String done(Context ctx) {
        return DONE.getOrDefault(query(ctx, "done"), "");
    }

    private static StaffPage frame(Context ctx) {
        return Staff.of(ctx).page("Articles", "/admin/articles");
    }

    private static String editUrl(Article a) {
        return "/admin/articles/" + a.id() + "/edit";
    }

    private static String target(Article a) {
        return "#" + a.id() + " " + a.title();
    }

    private static String verb(ArticleState state) {
        return switch (state) {
            case DRAFT -> "unpublish article";
            case SCHEDULED -> "schedule article";
            case PUBLISHED -> "publish article";
        };
    }

    private static String doneCode(ArticleState state) {
        return switch (state) {
            case DRAFT -> "saved";
            case SCHEDULED -> "scheduled";
            case PUBLISHED -> "published";
        };
    }

    private static String slugTaken(String slug) {
        return "Another article already uses the address " + slug + ". Choose another, or leave it empty.";
    }

    /** The model of the newsroom's article list. */
    public record ListView(StaffPage frame, Paged<Article> articles, ArticleFilter filter, List<Section> sections,
                           String done) {
        public List<ArticleState> states() {
            return List.of(ArticleState.values());
        }

        public String stateCode() {
            return filter.state().map(ArticleState::code).orElse("");
        }

        /** The link to another page of the list, keeping the filters. */
        public String pageUrl(int n) {
            StringBuilder url = new StringBuilder("/admin/articles?page=").append(n);
            if (filter.state().isPresent()) url.append("&state=").append(stateCode());
            if (!filter.section().isEmpty()) url.append("&section=").append(encode(filter.section()));
            if (!filter.tag().isEmpty()) url.append("&tag=").append(encode(filter.tag()));
            if (!filter.text().isEmpty()) url.append("&q=").append(encode(filter.text()));
            return url.toString();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** The live preview: the body as readers will see it, after what the editor should fix in it. */
    public record PreviewView(String html, List<String> problems) {}

    /** The model of the page that asks before deleting an article. */
    public record DeleteView(StaffPage frame, Article article) {}
}
