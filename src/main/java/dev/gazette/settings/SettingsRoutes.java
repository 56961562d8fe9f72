package dev.gazette.settings;

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
import java.util.LinkedHashMap;
import java.util.Map;

/** The settings page: the site's name and the reply policy, checked field by field, in force on saving. */
public final class SettingsRoutes implements Routes {
    private final LiveSettings settings;
    private final Activity activity;
    private final Templates templates;
    private final Runnable onChange;

    /** @param onChange called after a save, so pages rendered under the old settings are dropped */
    public SettingsRoutes(LiveSettings settings, Activity activity, Templates templates, Runnable onChange) {
        this.settings = settings;
        this.activity = activity;
        this.templates = templates;
        this.onChange = onChange;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/settings", ctx -> page(ctx, settings.values(), Map.of(), ctx.queryParam("saved") != null),
                Permission.SETTINGS);
        routes.post("/admin/settings", this::save, Permission.SETTINGS);
    }

    private void save(Context ctx) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String key : settings.values().keySet()) {
            if (PolicyForm.SWITCHES.contains(key) || key.equals(LiveSettings.GRAVATAR)) {
                form.put(key, String.valueOf(ctx.formParams(key).contains("true")));
            } else if (ctx.formParam(key) != null) {
                form.put(key, ctx.formParam(key));
            }
        }
        Map<String, String> errors = settings.save(form);
        if (!errors.isEmpty()) {
            page(ctx, form, errors, false);
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        onChange.run();
        activity.record(Staff.of(ctx), "change settings", "");
        ctx.redirect("/admin/settings?saved", HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, Map<String, String> values, Map<String, String> errors, boolean saved) {
        StaffPage frame = Staff.of(ctx).page("Settings", "/admin/settings");
        Responses.html(ctx, templates.render("settings/admin.jte", new SettingsView(frame, values, errors, saved)));
    }

    /** The model of the settings page. */
    public record SettingsView(StaffPage frame, Map<String, String> values, Map<String, String> errors, boolean saved) {
        public String value(String key) {
            return values.getOrDefault(key, "");
        }

        public boolean on(String key) {
            return "true".equals(values.get(key));
        }

        public String error(String key) {
            return errors.getOrDefault(key, "");
        }

        public String invalid(String key) {
            return errors.containsKey(key) ? "true" : null;
        }

        public String describedBy(String key) {
            return errors.containsKey(key) ? key.replace('.', '-') + "-error" : null;
        }
    }
}
