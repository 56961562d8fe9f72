package dev.gazette.media;

/**
 * The store of picture files cannot be reached just now (a server away, a folder unreadable): a request that needed
 * it can succeed unchanged a little later, so it is answered 503 with {@code Retry-After}, as when the database is away.
 */
public final class MediaStoreUnavailable extends RuntimeException {
    public MediaStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when this failure, or one of its causes, is the picture store being away. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MediaStoreUnavailable) return true;
        }
        return false;
    }
}
