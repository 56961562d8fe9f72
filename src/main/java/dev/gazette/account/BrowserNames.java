package dev.gazette.account;

import java.util.List;

/**
 * A User-Agent in a few words a person recognises ("Firefox on Windows"). Coarse on purpose: the words come from a
 * fixed list, so whatever a client sends never reaches a mail as its own text.
 */
final class BrowserNames {
    private record Name(String marker, String words) {}

    // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", and iPhones say "like Mac OS X".
    private static final List<Name> BROWSERS = List.of(new Name("Edg", "Edge"), new Name("OPR/", "Opera"),
            new Name("Opera", "Opera"), new Name("SamsungBrowser/", "Samsung Internet"), new Name("Firefox/", "Firefox"),
            new Name("FxiOS/", "Firefox"), new Name("Chromium/", "Chromium"), new Name("CriOS/", "Chrome"),
            new Name("Chrome/", "Chrome"), new Name("Safari/", "Safari"), new Name("curl/", "curl"));
    private static final List<Name> SYSTEMS = List.of(new Name("iPhone", "an iPhone"), new Name("iPad", "an iPad"),
            new Name("Android", "Android"), new Name("CrOS", "ChromeOS"), new Name("Windows", "Windows"),
            new Name("Mac OS X", "macOS"), new Name("Macintosh", "macOS"), new Name("Linux", "Linux"));

    private BrowserNames() {}

    static String describe(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        String browser = first(BROWSERS, ua, "an unrecognised browser or program");
        String system = first(SYSTEMS, ua, "");
        return system.isEmpty() ? browser : browser + " on " + system;
    }

    private static String first(List<Name> names, String ua, String otherwise) {
        for (Name n : names) {
            if (ua.contains(n.marker())) return n.words();
        }
        return otherwise;
    }
}
