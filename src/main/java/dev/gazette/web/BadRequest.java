package dev.gazette.web;

/** A request the site cannot answer as asked; the message tells the reader what to change. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}
