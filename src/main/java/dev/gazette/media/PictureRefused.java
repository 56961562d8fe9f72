package dev.gazette.media;

/** An upload that is not taken, with a message the person who sent it can act on. */
public final class PictureRefused extends RuntimeException {
    public PictureRefused(String message) {
        super(message);
    }

    public PictureRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
