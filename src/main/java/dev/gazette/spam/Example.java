package dev.gazette.spam;

import java.util.Objects;

/** A submission with the label a moderator (or a corpus) gave it. */
public record Example(Submission submission, boolean spam) {
    public Example {
        Objects.requireNonNull(submission, "submission");
    }

    /** An example of which only the text is known. */
    public static Example of(String content, boolean spam) {
        return new Example(Submission.of(content), spam);
    }
}
