package dev.gazette.syndication;

import java.io.IOException;

/** A fetch that did not give a feed, with a message fit to show staff: it never quotes what the server sent. */
public final class FetchFailed extends IOException {
    public FetchFailed(String message) {
        super(message);
    }
}
