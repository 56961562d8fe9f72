package dev.gazette.comment;

import java.util.Map;
import java.util.Optional;

/** The reply form as shown: the values to fill in, the messages beside the fields, and its hidden tokens. */
public record FormView(
        String action,
        CommentForm values,
        Map<String, String> errors,
        String formToken,
        Optional<Comment> replyingTo,
        boolean closed,
        String privacyPath,
        boolean followOffered) {

    public FormView {
        errors = Map.copyOf(errors);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /** "true" for a field with a message, else nothing (the attribute is left out). */
    public String invalid(String field) {
        return hasError(field) ? "true" : null;
    }

    /** Ties an input to its message for screen readers. */
    public String describedBy(String field) {
        return hasError(field) ? field + "-error" : null;
    }
}
