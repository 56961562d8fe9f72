package dev.gazette.comment;

import org.jdbi.v3.core.Handle;

/**
 * The slot another feature fills to act on replies inside the very transaction that stores or publishes them (mail's
 * outbox): what it writes commits or rolls back with the reply. It runs on the writing connection, which on SQLite is
 * the only one, so it writes through the handle it is given and does no slow work.
 */
public interface ReplyListener {
    /** Does nothing: a site without mail. */
    ReplyListener NONE = new ReplyListener() {};

    /**
     * A reader's reply was stored, in any state.
     *
     * @param followReplies whether its author asked to hear of replies to it
     */
    default void stored(Handle handle, Comment reply, boolean followReplies) {}

    /** A reply was published: stored approved, answered by staff, or approved by a moderator. */
    default void published(Handle handle, Comment reply) {}
}
