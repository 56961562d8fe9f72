package dev.gazette.spam;

import java.io.IOException;

/** A model file or snapshot that is not a shield model, is from an unknown version, or is damaged. */
public final class InvalidModelException extends IOException {
    private static final long serialVersionUID = 1L;

    public InvalidModelException(String message) {
        super(message);
    }
}
