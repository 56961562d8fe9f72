package dev.gazette.moderation;

import dev.gazette.account.ActivityEntry;
import dev.gazette.account.Permission;
import dev.gazette.account.Staff;
import dev.gazette.account.StaffPage;
import dev.gazette.comment.CommentState;
import dev.gazette.comment.CommentStore;
import dev.gazette.comment.Comments;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The newsroom's front page: what waits, how replies and the shield are doing, and who did what. */
public final class DashboardRoutes implements Routes {
    static final int DAYS = 30;
    // "'free gift' counts toward spam (+1.8)": the weight is dropped so equal reasons count together.
    private static final Pattern WEIGHT = Pattern.compile("\\s*\\([+-]?[0-9.]+\\)$");

    private final Comments comments;
    private final Moderation moderation;
    private final IntFunction<List<ActivityEntry>> activity;
    private final Templates templates;
    private final Clock clock;
    private final Supplier<String> mail;

    public DashboardRoutes(Comments comments, Moderation moderation, IntFunction<List<ActivityEntry>> activity,
                           Templates templates, Clock clock) {
        this(comments, moderation, activity, templates, clock, () -> "");
    }

    /** @param mail one line on the site's mail (on or off, what waits or failed); empty to leave the card out */
    public DashboardRoutes(Comments comments, Moderation moderation, IntFunction<List<ActivityEntry>> activity,
                           Templates templates, Clock clock, Supplier<String> mail) {
        this.mail = mail;
        this.comments = comments;
        this.moderation = moderation;
        this.activity = activity;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin", this::dashboard, Permission.DASHBOARD);
    }

    private void dashboard(Context ctx) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        Map<LocalDate, int[]> days = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) days.put(d, new int[2]);
        for (CommentStore.DayCount c : comments.stats().since(first.atStartOfDay().toInstant(ZoneOffset.UTC))) {
            int[] counts = days.get(c.day());
            if (counts == null) continue;
            if (c.state() == CommentState.APPROVED) counts[0]++;
            if (c.state() == CommentState.SPAM) counts[1]++;
        }
        Map<String, Long> reasons = comments.stats().reasonsSince(clock.instant().minus(Duration.ofDays(DAYS))).stream()
                .map(r -> WEIGHT.matcher(r).replaceFirst(""))
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        Map<String, Long> top = new LinkedHashMap<>();
        reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(8).forEach(e -> top.put(e.getKey(), e.getValue()));
        StaffPage frame = Staff.of(ctx).page("Dashboard", "/admin");
        Responses.html(ctx, templates.render("moderation/dashboard.jte", new DashboardView(frame,
                comments.stats().counts().get(CommentState.PENDING), comments.stats().discardedSince(first), ReplyChart.svg(days),
                moderation.record(), top, activity.apply(15), mail.get())));
    }

    /** The model of the dashboard. */
    public record DashboardView(StaffPage frame, int pending, int discarded, String chartSvg, CorrectionStore.ShieldRecord shield,
                                Map<String, Long> topReasons, List<ActivityEntry> activity, String mail) {}
}
