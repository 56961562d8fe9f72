package dev.gazette.spam;

/**
 * A rule that fired: the reason a moderator reads, and a short signal name the classifier
 * also sees as a feature, so it can learn how much the rule is worth on this site.
 */
record RuleHit(String signal, Reason reason) {
}
