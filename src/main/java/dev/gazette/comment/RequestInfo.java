package dev.gazette.comment;

import java.util.OptionalDouble;

/** What the request tells about a reply beyond the form: where it came from and how fast it was sent. */
public record RequestInfo(String ip, String userAgent, String referrer, OptionalDouble secondsToPost, String honeypot) {}
