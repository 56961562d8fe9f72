package dev.gazette.syndication;

import dev.gazette.account.Activity;
import dev.gazette.account.Permission;
import dev.gazette.account.Staff;
import dev.gazette.account.StaffPage;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/** The staff page of agency feeds: each source with its status in words, adding, polling now, removing. */
public final class FeedSourceRoutes implements Routes {
    private final FeedSources sources;
    private final Activity activity;
    private final Templates templates;

    public FeedSourceRoutes(FeedSources sources, Activity activity, Templates templates) {
        this.sources = sources;
        this.activity = activity;
        this.templates = templates;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/feeds", ctx -> page(ctx, Map.of(), Map.of()), Permission.ARTICLES);
        routes.post("/admin/feeds", this::add, Permission.ARTICLES);
        routes.post("/admin/feeds/{id}/poll", ctx -> act(ctx, "poll feed", sources::pollSoon), Permission.ARTICLES);
        routes.post("/admin/feeds/{id}/delete", ctx -> act(ctx, "remove feed", sources::delete), Permission.ARTICLES);
    }

    private void add(Context ctx) {
        Map<String, String> values = Map.of("url", field(ctx, "url"), "outlet", field(ctx, "outlet"),
                "agency", field(ctx, "agency"), "section", field(ctx, "section"), "poll", field(ctx, "poll"));
        Map<String, String> errors = sources.add(values.get("url"), values.get("outlet"), values.get("agency"),
                values.get("section"), values.get("poll"), ctx.formParam("publish") != null);
        if (!errors.isEmpty()) {
            page(ctx, values, errors);
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        activity.record(Staff.of(ctx), "add feed", values.get("url"));
        ctx.redirect("/admin/feeds", HttpStatus.SEE_OTHER);
    }

    private void act(Context ctx, String action, LongConsumer what) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new io.javalin.http.NotFoundResponse();
        }
        what.accept(id);
        activity.record(Staff.of(ctx), action, "#" + id);
        ctx.redirect("/admin/feeds", HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, Map<String, String> values, Map<String, String> errors) {
        StaffPage frame = Staff.of(ctx).page("Agency feeds", "/admin/feeds");
        Responses.html(ctx, templates.render("syndication/feeds.jte", new FeedsView(frame, sources.all(), values, errors)));
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    /** The model of the feeds page. */
    public record FeedsView(StaffPage frame, List<FeedSource> sources, Map<String, String> values,
                            Map<String, String> errors) {
        public String value(String key, String fallback) {
            return values.getOrDefault(key, fallback);
        }

        public String error(String key) {
            return errors.getOrDefault(key, "");
        }
    }
}
