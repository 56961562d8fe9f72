package dev.gazette.mail;

import dev.gazette.account.Permission;
import dev.gazette.account.Staff;
import dev.gazette.account.StaffPage;
import dev.gazette.web.Format;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;

/** The newsroom's Mail page: whether mail is on, what waits or failed, and one's own held-reply and new-sign-in mails on or off. */
public final class MailAdminRoutes implements Routes {
    private final MailSettings settings;
    private final Outbox outbox;
    private final MailStore store;
    private final Templates templates;
    private final Clock clock;

    public MailAdminRoutes(MailSettings settings, Outbox outbox, MailStore store, Templates templates, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.store = store;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/mail", this::page, Permission.DASHBOARD);
        routes.post("/admin/mail/preference", this::preference, Permission.DASHBOARD);
        routes.post("/admin/mail/retry", this::retry, Permission.SETTINGS);
    }

    /** One line for the dashboard: whether mail is on, and what waits or failed. */
    public String summary() {
        if (!settings.enabled()) return "Mail is off: set mail.host to send notifications.";
        Outbox.Counts c = outbox.counts();
        return "Mail is on. " + c.waiting() + " waiting, " + c.failed() + " failed.";
    }

    private void page(Context ctx) {
        Staff staff = Staff.of(ctx);
        StaffPage frame = staff.page("Mail", "/admin/mail");
        List<Row> rows = outbox.waitingAndFailed(200).stream().map(q -> new Row(q.id(), q.mail().kind(),
                masked(q.mail().to()), q.mail().subject(), q.failed() ? "failed" : "waiting", q.attempts(),
                q.failed() ? "" : Format.dateTime(q.nextAttempt()), q.lastError(), Format.dateTime(q.createdAt()))).toList();
        String server = settings.enabled() ? settings.host() + ":" + settings.port() + " (" + switch (settings.tls()) {
            case NONE -> "no TLS";
            case STARTTLS -> "STARTTLS";
            case TLS -> "TLS";
        } + (settings.user().isEmpty() ? "" : ", signed in as " + settings.user()) + ")" : "";
        Responses.personal(ctx, templates.render("mail/admin.jte", new MailAdminView(frame, settings.enabled(), server,
                settings.digestMinutes(), outbox.counts(), rows, staff.may(Permission.REPLIES), store.notices(staff.id()),
                store.deviceNotices(staff.id()), staff.may(Permission.SETTINGS), ctx.queryParam("saved") != null)));
    }

    private void preference(Context ctx) {
        Staff staff = Staff.of(ctx);
        // Only the boxes the page showed: a staff member who does not moderate saw no held-reply box.
        if (staff.may(Permission.REPLIES)) store.setNotices(staff.id(), ctx.formParam("notices") != null);
        store.setDeviceNotices(staff.id(), ctx.formParam("devices") != null);
        ctx.redirect("/admin/mail?saved", HttpStatus.SEE_OTHER);
    }

    private void retry(Context ctx) {
        outbox.retryFailed(clock.instant());
        ctx.redirect("/admin/mail?saved", HttpStatus.SEE_OTHER);
    }

    /** "r…@example.org": enough to tell mails apart, not an address anyone could use or copy. */
    static String masked(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) return "…";
        return address.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append) + "…@" + address.substring(at + 1);
    }

    /** One mail as the newsroom lists it. */
    public record Row(long id, String kind, String to, String subject, String state, int attempts, String next,
                      String lastError, String created) {}

    /** The model of the Mail page. */
    public record MailAdminView(StaffPage frame, boolean enabled, String server, int digestMinutes, Outbox.Counts counts,
                                List<Row> rows, boolean moderates, boolean notices, boolean deviceNotices,
                                boolean mayRetry, boolean saved) {}
}
