package dev.gazette.mail;

import dev.gazette.web.Page;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The links in readers' and staff members' mails, which work without signing in: confirming a subscription, and
 * unsubscribing, by a page with a button or by one POST from the mail program (RFC 8058). A GET changes nothing, so
 * a mail scanner that follows links neither confirms nor unsubscribes anyone.
 */
public final class MailRoutes implements Routes {
    static final String BAD_LINK = "This link is incomplete or was changed on the way. Open it again from the mail,"
            + " or copy the whole address into the browser.";

    private final Subscriptions subscriptions;
    private final MailLinks links;
    private final Templates templates;
    private final Function<String, Page> chrome;

    public MailRoutes(Subscriptions subscriptions, MailLinks links, Templates templates, Function<String, Page> chrome) {
        this.subscriptions = subscriptions;
        this.links = links;
        this.templates = templates;
        this.chrome = chrome;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/mail/confirm", this::confirmPage);
        routes.post("/mail/confirm", this::confirm);
        routes.get("/mail/unsubscribe", this::unsubscribePage);
        routes.post("/mail/unsubscribe", this::unsubscribe);
    }

    /** Mail programs send the one-click POST from their own servers or pages; the signed link is what authorises it. */
    @Override
    public List<String> openPaths() {
        return List.of("/mail/unsubscribe");
    }

    private void confirmPage(Context ctx) {
        if (links.confirmed(param(ctx, "s"), param(ctx, "k")).isEmpty()) {
            page(ctx, HttpStatus.NOT_FOUND, "Link not valid", BAD_LINK, "", "");
            return;
        }
        page(ctx, HttpStatus.OK, "Hear of replies?", "Confirm, and we will mail you when someone answers your reply."
                + " Each mail has a link to stop.", "/mail/confirm" + query(ctx), "Yes, tell me of replies");
    }

    private void confirm(Context ctx) {
        Optional<Long> id = links.confirmed(param(ctx, "s"), param(ctx, "k"));
        if (id.isEmpty()) {
            page(ctx, HttpStatus.NOT_FOUND, "Link not valid", BAD_LINK, "", "");
        } else if (subscriptions.confirm(id.get())) {
            page(ctx, HttpStatus.OK, "Confirmed", "We will mail you when someone answers your reply. Each mail has a"
                    + " link to stop.", "", "");
        } else {
            page(ctx, HttpStatus.GONE, "Nothing to confirm", "This request was withdrawn, or the reply it was for is"
                    + " gone. Tick “Notify me” under a new reply to ask again.", "", "");
        }
    }

    private void unsubscribePage(Context ctx) {
        if (target(ctx).isEmpty()) {
            page(ctx, HttpStatus.NOT_FOUND, "Link not valid", BAD_LINK, "", "");
            return;
        }
        page(ctx, HttpStatus.OK, "Stop these mails?", "One click, and this address gets no more of these mails.",
                "/mail/unsubscribe" + query(ctx), "Unsubscribe");
    }

    private void unsubscribe(Context ctx) {
        Optional<Runnable> target = target(ctx);
        if (target.isEmpty()) {
            page(ctx, HttpStatus.NOT_FOUND, "Link not valid", BAD_LINK, "", "");
            return;
        }
        target.get().run();
        page(ctx, HttpStatus.OK, "Unsubscribed", "You will get no more of these mails. Mails already on their way"
                + " were held back.", "", "");
    }

    /** What the unsubscribe link stops, when its signature holds. */
    private Optional<Runnable> target(Context ctx) {
        Optional<Long> reader = links.unsubscribed(param(ctx, "s"), param(ctx, "k"));
        if (reader.isPresent()) return Optional.of(() -> subscriptions.unsubscribe(reader.get()));
        Optional<Long> staff = links.staffUnsubscribed(param(ctx, "staff"), param(ctx, "k"));
        return staff.map(id -> () -> subscriptions.staffStop(id));
    }

    /** From the address, where mail links carry it (RFC 8058 keeps it there), else from the form. */
    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value != null ? value : ctx.formParam(name);
    }

    private static String query(Context ctx) {
        String q = ctx.queryString();
        return q == null || q.isEmpty() ? "" : "?" + q;
    }

    private void page(Context ctx, HttpStatus status, String heading, String message, String action, String button) {
        Responses.personal(ctx, templates.render("mail/page.jte", new MailPageView(chrome.apply(heading).notIndexed(),
                heading, message, action, button)));
        ctx.status(status);
    }

    /** The model of a page a mail's link opens. */
    public record MailPageView(Page page, String heading, String message, String action, String button) {}
}
