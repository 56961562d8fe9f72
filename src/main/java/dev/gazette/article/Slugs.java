package dev.gazette.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Readable, URL-safe slugs: "Élections à Paris" becomes "elections-a-paris". */
public final class Slugs {
    private static final int MAX_LENGTH = 80;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NUMBERED = Pattern.compile(".+-[0-9]+");

    private Slugs() {}

    public static String slugify(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_SLUG.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimDashes(slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH));
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    /** The slug for a title, with "-2", "-3"… appended until it is not taken. */
    public static String unique(String title, Predicate<String> taken) {
        String base = slugify(title);
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** True when the text is already a slug: lets routes refuse junk before touching the database. */
    public static boolean isSlug(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH + 8) return false;
        // unique() may add "-N" to a slug already cut to the full length; that form must be recognised too.
        return text.equals(slugify(text)) || NUMBERED.matcher(text).matches() && text.equals(
                slugify(text.substring(0, text.lastIndexOf('-'))) + text.substring(text.lastIndexOf('-')));
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') start++;
        while (end > start && s.charAt(end - 1) == '-') end--;
        return s.substring(start, end);
    }
}
