package dev.gazette.spam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds links in text: full URLs, {@code www.} hosts and bare domains with a common top-level
 * domain (spammers often drop the scheme so that forms do not linkify and filters miss it).
 */
public final class Links {
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)[^\\s<>\"'()\\[\\]{}]+"
                    + "|\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:com|net|org|info|biz|ru|de|uk|co|io|ly|me|tk|us|in|xyz|top|site|online|club|pro|shop|store|tv|cc|ws|be|gl|gd|link|click|fr|es|it|nl|pl|br|cn|jp|eu|ca|au|ch|se|no|ua|kz|to|la|su|win|vip|app|dev|blog|news|live|fun|space|website|tech|ml|ga|cf|gq)\\b(?:/[^\\s<>\"']*)?");

    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "org", "net", "ac", "gov", "edu", "ne", "or");

    /** The links found, in order, each with its registrable domain. */
    public List<Link> find(String text, List<String> hrefs) {
        List<Link> links = new ArrayList<>();
        for (String h : hrefs) {
            String d = domainOf(h);
            if (!d.isEmpty()) {
                links.add(new Link(h, d));
            }
        }
        if (mayHoldHost(text)) {
            Matcher m = URL.matcher(text);
            while (m.find()) {
                String url = trimTrailingPunctuation(m.group());
                String d = domainOf(url);
                if (!d.isEmpty() && !containsUrl(links, url)) {
                    links.add(new Link(url, d));
                }
            }
        }
        return links;
    }

    /**
     * Whether some '.' stands between two characters that are not spaces: every link the pattern
     * can find (with a host that has a domain) contains one, and most sentences' full stops do not,
     * so the pattern runs only on texts that may hold a link.
     */
    static boolean mayHoldHost(String text) {
        int i = text.indexOf('.', 1);
        while (i > 0 && i < text.length() - 1) {
            if (!Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i + 1))
                    && text.charAt(i + 1) != '.') {
                return true;
            }
            i = text.indexOf('.', i + 1);
        }
        return false;
    }

    /** Distinct registrable domains, in first-seen order. */
    public static List<String> domains(List<Link> links) {
        Set<String> set = new LinkedHashSet<>();
        for (Link l : links) {
            set.add(l.domain());
        }
        return List.copyOf(set);
    }

    private static boolean containsUrl(List<Link> links, String url) {
        for (Link l : links) {
            if (l.url().equalsIgnoreCase(url)) {
                return true;
            }
        }
        return false;
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    /** The registrable domain of a URL or host ("http://www.a.b.co.uk/x" gives "b.co.uk"), or "". */
    public static String domainOf(String url) {
        String s = url.trim().toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        } else if (s.startsWith("//")) {
            s = s.substring(2);
        }
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                end = i;
                break;
            }
        }
        String host = s.substring(0, end);
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1); // a fully qualified name: "example.com." is example.com
        }
        if (host.isEmpty() || host.indexOf('.') < 0) {
            return "";
        }
        String[] labels = host.split("\\.", -1); // -1 keeps trailing empty labels, so "a.." has none
        for (String l : labels) {
            if (l.isEmpty()) {
                return "";
            }
        }
        int n = labels.length;
        if (n >= 3 && labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2])) {
            return labels[n - 3] + "." + labels[n - 2] + "." + labels[n - 1];
        }
        return labels[n - 2] + "." + labels[n - 1];
    }

    /** One link and its registrable domain. */
    public record Link(String url, String domain) {
    }
}
