package dev.gazette.privacy;

/** Cuts an address to its network, which is enough to spot abuse and no longer identifies a household. */
final class IpAddresses {
    private IpAddresses() {}

    /** "203.0.113.7" becomes "203.0.113.0"; an IPv6 address keeps its first three groups (/48) and ends in "::". */
    static String anonymize(String ip) {
        if (ip.contains(":")) {
            String[] groups = ip.split(":");
            if (groups.length < 3) return "::";
            return groups[0] + ":" + groups[1] + ":" + groups[2] + "::";
        }
        int last = ip.lastIndexOf('.');
        return last > 0 ? ip.substring(0, last) + ".0" : "";
    }
}
