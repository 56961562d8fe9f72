package dev.gazette.spam;

/** How much the shield has learned, and whether its classifier still abstains. */
public record ShieldStats(long spamLearned, long hamLearned, boolean classifierAbstains, long lastSequence) {
}
