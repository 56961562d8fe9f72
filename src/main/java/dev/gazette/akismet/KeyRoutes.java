package dev.gazette.akismet;

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
import java.util.Optional;

/** The staff page of API keys: each key's use, a new key (shown once), revoking. */
public final class KeyRoutes implements Routes {
    private final ApiKeys keys;
    private final Activity activity;
    private final Templates templates;

    public KeyRoutes(ApiKeys keys, Activity activity, Templates templates) {
        this.keys = keys;
        this.activity = activity;
        this.templates = templates;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/keys", ctx -> page(ctx, "", "", ""), Permission.SETTINGS);
        routes.post("/admin/keys", this::add, Permission.SETTINGS);
        routes.post("/admin/keys/revoke", this::revoke, Permission.SETTINGS);
    }

    private void add(Context ctx) {
        String site = ctx.formParam("site") == null ? "" : ctx.formParam("site").strip();
        if (!site.matches("https?://\\S+\\.\\S+")) {
            page(ctx, "", "Enter the address of the site that will use the key, like https://blog.example.", site);
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        String key = keys.add(site);
        activity.record(Staff.of(ctx), "add API key", key.substring(0, ApiKeys.PREFIX) + "… for " + site);
        page(ctx, key, "", "");
    }

    private void revoke(Context ctx) {
        String id = ctx.formParam("id") == null ? "" : ctx.formParam("id");
        Optional<ApiKey> key = keys.all().stream().filter(k -> String.valueOf(k.id()).equals(id)).findFirst();
        if (key.isPresent() && keys.revoke(key.get().id())) {
            activity.record(Staff.of(ctx), "revoke API key", key.get().prefix() + "… for " + key.get().siteUrl());
        }
        ctx.redirect("/admin/keys", HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, String newKey, String error, String site) {
        StaffPage frame = Staff.of(ctx).page("API keys", "/admin/keys");
        Responses.html(ctx, templates.render("akismet/keys.jte", new KeysView(frame, keys.all(), newKey, error, site)));
    }

    /** The model of the keys page; the new key, when one was just made, is shown this once. */
    public record KeysView(StaffPage frame, List<ApiKey> keys, String newKey, String error, String site) {}
}
