package dev.gazette.media;

/**
 * The store of picture files cannot be reached just now (a server away, a folder unreadable): a request that needed
 * it can succeed unchanged a little later, so it is answered 503 with {@code Retry-After}, as when the database is away.
 */
public final class MediaStoreUnavailable extends RuntimeException {
    /**
     * @param message what could not be done where, with the underlying reason in words: the site's log line for a 503
     *                shows the innermost message only, so this one is kept innermost
     */
    public MediaStoreUnavailable(String message) {
        super(message);
    }

    /** True when this failure, or one of its causes, is the picture store being away. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MediaStoreUnavailable) return true;
        }
        return false;
    }
}
