package dev.gazette.account;

/** The activity log: every staff action, who did it, and on what. */
public interface Activity {
    void record(Staff who, String action, String target);
}
