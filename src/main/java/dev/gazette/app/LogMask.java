package dev.gazette.app;

import java.util.regex.Pattern;

/** Takes email addresses out of log text, whatever logged them: a log is read by more people than the database. */
final class LogMask {
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)+");

    private LogMask() {}

    static String mask(String text) {
        return text == null || text.indexOf('@') < 0 ? text : EMAIL.matcher(text).replaceAll("[email]");
    }
}
