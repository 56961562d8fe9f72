package dev.gazette.account;

import dev.gazette.web.NavLink;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The signed-in staff member of a request, as the staff guard found them; with the token their forms carry. */
public record Staff(long id, String name, String email, String role, Set<Permission> permissions, String csrf,
                    MenuCounts counts) {
    private static final String ATTRIBUTE = "gazette.staff";
    /** Every staff page in menu order, with what it needs. */
    private static final List<Entry> MENU = List.of(
            new Entry("Dashboard", "/admin", Permission.DASHBOARD),
            new Entry("Articles", "/admin/articles", Permission.ARTICLES),
            new Entry("Pictures", "/admin/media", Permission.ARTICLES),
            new Entry("Feeds", "/admin/feeds", Permission.ARTICLES),
            new Entry("Replies", "/admin/replies", Permission.REPLIES),
            new Entry("Mail", "/admin/mail", Permission.DASHBOARD),
            new Entry("Settings", "/admin/settings", Permission.SETTINGS),
            new Entry("API keys", "/admin/keys", Permission.SETTINGS),
            new Entry("Data requests", "/admin/people", Permission.PEOPLE));

    public Staff {
        permissions = Set.copyOf(permissions);
    }

    public Staff(long id, String name, String email, String role, Set<Permission> permissions, String csrf) {
        this(id, name, email, role, permissions, csrf, MenuCounts.NONE);
    }

    /** The same staff member, whose menu shows what waits behind each entry. */
    public Staff withCounts(MenuCounts counts) {
        return new Staff(id, name, email, role, permissions, csrf, counts);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** The staff member the guard put on this request; only on staff routes. */
    public static Staff of(Context ctx) {
        Staff staff = ctx.attribute(ATTRIBUTE);
        if (staff == null) throw new IllegalStateException("No staff member on " + ctx.path() + ": not a staff route");
        return staff;
    }

    public void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The frame of a staff page: the menu shows only what this person may open. */
    public StaffPage page(String title, String path) {
        List<NavLink> menu = new ArrayList<>();
        for (Entry e : MENU) {
            if (may(e.needs())) menu.add(new NavLink(e.label(), e.path(), counts.waitingAt(e.path())));
        }
        return new StaffPage(title, this, menu, path);
    }

    private record Entry(String label, String path, Permission needs) {}
}
