package dev.gazette.article;

/** A story from a feed or another site that is already here: another node took it at the same moment. */
public final class AlreadyImported extends RuntimeException {
    public AlreadyImported(String title) {
        super("Already imported: " + title);
    }
}
