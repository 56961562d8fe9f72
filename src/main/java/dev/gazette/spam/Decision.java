package dev.gazette.spam;

/** What the shield advises doing with a submission. */
public enum Decision {
    /** Publish or queue as usual. */
    HAM,
    /** Keep in the spam folder for a moderator to review. */
    SPAM,
    /** Spam so certain it need not be stored at all (Akismet's "pro-tip: discard"). */
    DISCARD
}
