package dev.gazette.comment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The network part of an address: the /24 of IPv4, the /48 of IPv6, as a text prefix to match stored addresses. */
final class Networks {
    private Networks() {}

    /** The address as stored: IPv6 without brackets, in eight groups, so prefixes compare as text. */
    static String canonical(String ip) {
        String bare = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        if (!bare.contains(":")) return bare;
        List<String> groups = expand(bare.toLowerCase(Locale.ROOT));
        return groups.size() == 8 ? String.join(":", groups) : bare;
    }

    /** "203.0.113.7" gives "203.0.113."; "2001:db8:5::1" gives "2001:db8:5:". Anything else is returned whole. */
    static String prefix(String ip) {
        if (ip.contains(":")) {
            List<String> groups = expand(ip.toLowerCase(Locale.ROOT));
            return groups.size() == 8 ? String.join(":", groups.subList(0, 3)) + ":" : ip;
        }
        int last = ip.lastIndexOf('.');
        return last > 0 ? ip.substring(0, last + 1) : ip;
    }

    /** The eight groups of an IPv6 address, "::" filled with zeros, leading zeros dropped as Java writes them. */
    static List<String> expand(String ip) {
        String[] halves = ip.split("::", -1);
        if (halves.length > 2) return List.of();
        List<String> head = groups(halves[0]);
        List<String> tail = halves.length == 2 ? groups(halves[1]) : List.of();
        List<String> all = new ArrayList<>(head);
        if (halves.length == 2) {
            for (int i = head.size() + tail.size(); i < 8; i++) all.add("0");
        }
        all.addAll(tail);
        return all;
    }

    private static List<String> groups(String part) {
        if (part.isEmpty()) return List.of();
        return Arrays.stream(part.split(":", -1))
                .map(g -> g.replaceFirst("^0+(?=.)", ""))
                .toList();
    }
}
