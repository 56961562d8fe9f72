package dev.gazette.comment;

import java.util.Map;

/** The outcome of sending a reply. */
public sealed interface Submitted {
    /** Stored, in the state the shield and the policy chose. */
    record Stored(Comment comment) implements Submitted {}

    /** Spam so certain it was counted and dropped; the sender is told nothing more than "received". */
    record Discarded() implements Submitted {}

    /** The form needs changes; the messages are by field, "form" for the form as a whole. */
    record Invalid(Map<String, String> errors) implements Submitted {}
}
