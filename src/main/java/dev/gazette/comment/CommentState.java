package dev.gazette.comment;

import java.util.Locale;

/** Where a reply stands: only approved replies are public. */
public enum CommentState {
    PENDING, APPROVED, SPAM, TRASH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CommentState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
