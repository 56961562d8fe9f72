package dev.gazette.account;

import java.time.Instant;

/** One line of the activity log. */
public record ActivityEntry(String who, String action, String target, Instant at) {}
