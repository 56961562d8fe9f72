package dev.gazette.spam;

import java.io.IOException;

/** A model file or snapshot that is not a shield model, is from an unknown version, or is damaged. */
public final class InvalidModelException extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean outdated;

    public InvalidModelException(String message) {
        this(message, false);
    }

    private InvalidModelException(String message, boolean outdated) {
        super(message);
        this.outdated = outdated;
    }

    /** A sound model in a format an earlier Gazette wrote, which this one no longer reads. */
    static InvalidModelException outdated(String message) {
        return new InvalidModelException(message, true);
    }

    /** Whether the model is sound but written by an earlier Gazette (as opposed to foreign or damaged). */
    public boolean outdated() {
        return outdated;
    }
}
