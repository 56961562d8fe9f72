package dev.gazette.comment;

import java.util.OptionalDouble;

/**
 * What the request tells about a reply beyond the form: where it came from, how fast it was sent, and whether the
 * browser proved it wrote an approved reply under the email given (typing an email proves nothing).
 */
public record RequestInfo(String ip, String userAgent, String referrer, OptionalDouble secondsToPost, String honeypot,
                          boolean provenAuthor) {}
