package dev.gazette.text;

import java.util.regex.Pattern;

/** The one check of what passes for an email address, wherever a person types one. */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private EmailAddress() {}

    /** Something, an at sign, and a domain with a dot; no spaces. */
    public static boolean isValid(String text) {
        return text.length() <= MAX_LENGTH && SHAPE.matcher(text).matches();
    }
}
