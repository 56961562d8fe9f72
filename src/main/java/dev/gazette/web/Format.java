package dev.gazette.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small formatting helpers the templates call. */
public final class Format {
    private static final DateTimeFormatter LONG_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Format() {}

    /** "29 November 2026", in UTC so every node and reader sees the same date. */
    public static String date(Instant instant) {
        return LONG_DATE.format(instant);
    }

    /** "29 November 2026 at 14:05 UTC": when a reply was posted. */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** ISO 8601, for datetime attributes and machine-readable metadata. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** "73 %": a probability as moderators read it. */
    public static String percent(double probability) {
        return Math.round(probability * 100) + " %";
    }

    /** "40 seconds", "2 minutes": a wait as a person reads it, rounded up so that waiting that long is enough. */
    public static String waitFor(long seconds) {
        if (seconds < 60) return seconds + (seconds == 1 ? " second" : " seconds");
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
