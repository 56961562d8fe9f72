package dev.gazette.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The proxies whose forwarding headers the site believes. The one place that says who sent a request and whether it
 * came over HTTPS: anyone can send {@code X-Forwarded-For} or {@code X-Forwarded-Proto}, so they count only when the
 * connection comes from a proxy named in {@code proxy.trusted}; with none named, the connection alone tells.
 */
public final class TrustedProxies {
    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /** Trusts no proxy: the default. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Reads a comma-separated list of addresses and networks ("127.0.0.1, 10.0.0.0/8, ::1"); blank trusts none.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or network
     */
    public static TrustedProxies parse(String list) {
        return parse("proxy.trusted", list);
    }

    /** The same list read for another setting, whose key the error names. */
    public static TrustedProxies parse(String key, String list) {
        List<Network> networks = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) continue;
            networks.add(Network.parse(entry).orElseThrow(() -> new IllegalArgumentException(key + ": '" + entry
                    + "' is not an IP address or network; write addresses such as 127.0.0.1 or networks such as"
                    + " 10.0.0.0/8, separated by commas")));
        }
        return new TrustedProxies(networks);
    }

    /** Whether this address (a literal, as a connection's peer) is on the list. */
    public boolean includes(String address) {
        return literal(address).map(this::trusted).orElse(false);
    }

    /**
     * Who sent this request and over what, believing forwarding headers only from trusted proxies: the standard
     * {@code Forwarded} when the request has one, else {@code X-Forwarded-For} and {@code X-Forwarded-Proto}.
     */
    public ClientRequest resolve(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), ctx.req().isSecure(), name -> Collections.list(ctx.req().getHeaders(name)));
    }

    /** The same, from the connection's peer and TLS state and a way to read every value of a request header. */
    ClientRequest resolve(String peer, boolean tls, Function<String, List<String>> headers) {
        List<String> standard = headers.apply("Forwarded");
        if (!standard.isEmpty()) {
            Forwarded hops = Forwarded.parse(standard);
            return resolve(peer, tls, hops.forList(), hops.protoList());
        }
        return resolve(peer, tls, headers.apply("X-Forwarded-For"), headers.apply("X-Forwarded-Proto"));
    }

    /**
     * The hops of RFC 7239 {@code Forwarded} headers, one element a proxy, as the lists the X- headers would give.
     *
     * @param forList   each hop's {@code for=}, in order
     * @param protoList each hop's {@code proto=}, in order (hops without one are left out)
     */
    record Forwarded(List<String> forList, List<String> protoList) {
        static Forwarded parse(List<String> headers) {
            List<String> fors = new ArrayList<>();
            List<String> protos = new ArrayList<>();
            for (String element : entries(headers)) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) continue;
                    String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    String value = pair.substring(eq + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    if (name.equals("for")) fors.add(value);
                    if (name.equals("proto")) protos.add(value);
                }
            }
            return new Forwarded(List.copyOf(fors), List.copyOf(protos));
        }
    }

    /**
     * @param peer           the address the connection comes from
     * @param tls            whether the connection itself is HTTPS
     * @param forwardedFor   every {@code X-Forwarded-For} header, in order
     * @param forwardedProto every {@code X-Forwarded-Proto} header, in order
     */
    ClientRequest resolve(String peer, boolean tls, List<String> forwardedFor, List<String> forwardedProto) {
        Optional<InetAddress> peerAddress = literal(peer);
        if (peerAddress.isEmpty() || !trusted(peerAddress.get())) {
            return new ClientRequest(peerAddress.map(InetAddress::getHostAddress).orElse(peer), tls);
        }
        // Each proxy appends the address it was sent from: walking from the right, the first address that is not a
        // trusted proxy is the client. What stands left of it was written by the client and proves nothing.
        InetAddress client = peerAddress.get();
        List<String> hops = entries(forwardedFor);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) break; // a trusted proxy passed on something that is no address: keep the last one known
            client = hop.get();
            if (!trusted(client)) break;
        }
        // The nearest proxy's word, the rightmost, is the one to take: values left of it may come from the client.
        List<String> protos = entries(forwardedProto);
        boolean https = tls || (!protos.isEmpty() && protos.get(protos.size() - 1).equalsIgnoreCase("https"));
        return new ClientRequest(client.getHostAddress(), https);
    }

    private boolean trusted(InetAddress address) {
        for (Network n : networks) {
            if (n.contains(address)) return true;
        }
        return false;
    }

    private static List<String> entries(List<String> headers) {
        List<String> entries = new ArrayList<>();
        for (String header : headers) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) entries.add(part.strip());
            }
        }
        return entries;
    }

    /**
     * The address if the text is an IPv4 or IPv6 literal (brackets and a port allowed, as proxies write them);
     * empty otherwise. Never asks DNS: a name is not an address.
     */
    static Optional<InetAddress> literal(String text) {
        String s = text.strip();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) return Optional.empty();
            s = s.substring(1, end);
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':') && s.indexOf('.') >= 0) {
            s = s.substring(0, s.indexOf(':')); // 203.0.113.9:51234
        }
        if (s.isEmpty() || s.length() > 45) return Optional.empty();
        boolean v6 = s.indexOf(':') >= 0;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            boolean ok = (c >= '0' && c <= '9') || c == '.' || (v6 && (c == ':' || (c >= 'a' && c <= 'f')));
            if (!ok) return Optional.empty();
        }
        try {
            if (v6) return Optional.of(InetAddress.getByName(s)); // with a ':' Java parses a literal, never resolves
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) return Optional.empty();
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3 || Integer.parseInt(parts[i]) > 255) return Optional.empty();
                bytes[i] = (byte) Integer.parseInt(parts[i]);
            }
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return networks.isEmpty() ? "(none)" : String.join(", ", networks.stream().map(Network::toString).toList());
    }

    /** An address and how many of its leading bits a match must share. */
    private record Network(byte[] base, int bits, String text) {
        static Optional<Network> parse(String entry) {
            int slash = entry.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address.isEmpty()) return Optional.empty();
            byte[] base = address.get().getAddress();
            int bits = base.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1).strip());
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (bits < 0 || bits > base.length * 8) return Optional.empty();
            }
            return Optional.of(new Network(base, bits, entry.toLowerCase(Locale.ROOT)));
        }

        boolean contains(InetAddress address) {
            byte[] other = address.getAddress();
            if (other.length != base.length) return false;
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((other[bit / 8] & mask) != (base[bit / 8] & mask)) return false;
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
