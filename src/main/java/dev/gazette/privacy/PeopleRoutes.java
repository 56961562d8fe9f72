package dev.gazette.privacy;

import dev.gazette.account.Activity;
import dev.gazette.account.Permission;
import dev.gazette.account.Staff;
import dev.gazette.account.StaffPage;
import dev.gazette.text.EmailAddress;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** The staff page for personal-data requests: export or erase what is stored under an email (logged). */
public final class PeopleRoutes implements Routes {
    private final PersonalData data;
    private final Activity activity;
    private final Templates templates;

    public PeopleRoutes(PersonalData data, Activity activity, Templates templates) {
        this.data = data;
        this.activity = activity;
        this.templates = templates;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/people", ctx -> page(ctx, "", "", ""), Permission.PEOPLE);
        routes.post("/admin/people/export", this::export, Permission.PEOPLE);
        routes.post("/admin/people/erase", this::erase, Permission.PEOPLE);
    }

    private void export(Context ctx) {
        String email = email(ctx);
        if (email == null) return;
        activity.record(Staff.of(ctx), "export personal data", "a requested email");
        ctx.header("Content-Disposition", "attachment; filename=\"personal-data.json\"");
        ctx.contentType("application/json; charset=utf-8").result(data.export(email));
    }

    private void erase(Context ctx) {
        String email = email(ctx);
        if (email == null) return;
        if (ctx.formParam("confirm") == null) {
            page(ctx, email, "Tick the box to confirm: erasure cannot be undone.", "");
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        PersonalDataStore.Erasure done = data.erase(email);
        // The log names no email: it would itself be personal data kept after the erasure.
        activity.record(Staff.of(ctx), "erase personal data", done.deleted() + " deleted, " + done.anonymized() + " kept as [deleted]");
        page(ctx, "", "", "Erased: " + done.deleted() + " replies deleted, " + done.anonymized()
                + " kept as “[deleted]” because others answered them.");
    }

    private String email(Context ctx) {
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        if (!EmailAddress.isValid(email)) {
            page(ctx, email, "Enter the person's email address, like name@example.com.", "");
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            return null;
        }
        return email;
    }

    private void page(Context ctx, String email, String error, String done) {
        StaffPage frame = Staff.of(ctx).page("Data requests", "/admin/people");
        Responses.html(ctx, templates.render("privacy/people.jte", new PeopleView(frame, email, error, done)));
    }

    /** The model of the data-requests page. */
    public record PeopleView(StaffPage frame, String email, String error, String done) {}
}
