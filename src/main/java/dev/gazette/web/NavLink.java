package dev.gazette.web;

/** One entry of the site's main navigation; staff menus may show how many things wait there. */
public record NavLink(String label, String path, int waiting) {
    public NavLink(String label, String path) {
        this(label, path, 0);
    }
}
