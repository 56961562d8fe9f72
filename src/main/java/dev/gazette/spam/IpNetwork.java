package dev.gazette.spam;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses IP literals (never via DNS) and names the network a reply came from: the /24 for IPv4,
 * the /48 for IPv6, the usual size of one customer's allocation. Stores key network history by it.
 */
public final class IpNetwork {
    private IpNetwork() {
    }

    /** The address if {@code ip} is an IPv4 or IPv6 literal; empty otherwise. */
    public static Optional<InetAddress> parse(String ip) {
        String s = ip.trim();
        if (s.isEmpty() || s.length() > 45) {
            return Optional.empty();
        }
        boolean v6 = s.indexOf(':') >= 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || (v6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!ok) {
                return Optional.empty();
            }
        }
        try {
            if (!v6) {
                String[] parts = s.split("\\.", -1);
                if (parts.length != 4) {
                    return Optional.empty();
                }
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    if (parts[i].isEmpty() || parts[i].length() > 3 || Integer.parseInt(parts[i]) > 255) {
                        return Optional.empty();
                    }
                    b[i] = (byte) Integer.parseInt(parts[i]);
                }
                return Optional.of(InetAddress.getByAddress(b));
            }
            // A name with ':' is only ever parsed as an IPv6 literal, never resolved.
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "203.0.113.0/24" or "2001:db8:1::/48" for a valid literal; empty otherwise. */
    public static Optional<String> networkOf(String ip) {
        return parse(ip).map(a -> {
            byte[] b = a.getAddress();
            if (a instanceof Inet4Address) {
                return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + ".0/24";
            }
            if (a instanceof Inet6Address) {
                return String.format("%x:%x:%x::/48", ((b[0] & 255) << 8) | (b[1] & 255),
                        ((b[2] & 255) << 8) | (b[3] & 255), ((b[4] & 255) << 8) | (b[5] & 255));
            }
            return a.getHostAddress();
        });
    }
}
