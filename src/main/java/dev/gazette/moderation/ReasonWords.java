package dev.gazette.moderation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shield's reasons as a moderator reads them: its words, and the weight (log-odds, stored as "(+1.8)") said as
 * how strongly it points to spam or away from it.
 */
public record ReasonWords(String text, String strength, boolean towardSpam) {
    private static final Pattern STORED = Pattern.compile("^(.*?)\\s*\\(([+-]?[0-9]+(?:\\.[0-9]+)?)\\)$");

    /** Reads one stored reason line; a line without a weight is shown as it is. */
    public static ReasonWords of(String stored) {
        Matcher m = STORED.matcher(stored.strip());
        if (!m.matches()) return new ReasonWords(stored.strip(), "", false);
        double w = Double.parseDouble(m.group(2));
        return new ReasonWords(m.group(1), strength(w), w > 0);
    }

    static String strength(double w) {
        double a = Math.abs(w);
        if (a < 0.05) return "noted, no weight";
        String side = w > 0 ? "spam" : "a genuine reply";
        if (a >= 4) return (w > 0 ? "a near-certain sign of " : "near-certainly ") + side;
        if (a >= 2) return "a strong sign of " + side;
        if (a >= 0.7) return "a sign of " + side;
        return "a slight sign of " + side;
    }

    @Override
    public String toString() {
        return strength.isEmpty() ? text : String.format(Locale.ROOT, "%s: %s", text, strength);
    }
}
