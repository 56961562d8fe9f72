package dev.gazette.account;

/** How many things wait behind a staff menu entry (replies to moderate), shown beside its label; 0 shows nothing. */
@FunctionalInterface
public interface MenuCounts {
    MenuCounts NONE = path -> 0;

    int waitingAt(String path);
}
