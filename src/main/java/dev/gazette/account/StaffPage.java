package dev.gazette.account;

import dev.gazette.web.NavLink;
import java.util.List;

/** What the staff layout needs: the page's title, who is signed in, their menu, and where we are. */
public record StaffPage(String title, Staff staff, List<NavLink> menu, String path) {
    public StaffPage {
        menu = List.copyOf(menu);
    }

    public boolean isCurrent(NavLink link) {
        return link.path().equals("/admin") ? path.equals("/admin") : path.startsWith(link.path());
    }
}
