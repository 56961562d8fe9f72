package dev.gazette.syndication;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses are out on the public internet, and so may be fetched on a staff member's say-so: not loopback,
 * private, shared (CGNAT), link-local (the cloud metadata service at 169.254.169.254 among them), unspecified,
 * multicast, documentation or reserved ranges, nor an IPv6 address that carries one of those IPv4 addresses inside
 * it (mapped, compatible, NAT64, 6to4). For IPv6 only global unicast (2000::/3) counts, less its special blocks.
 * Written out here because the JDK's {@code isSiteLocalAddress} and friends miss CGNAT, ULA (fc00::/7), the
 * reserved blocks and the embedded forms, and no small well-kept library does only this.
 */
final class OutsideAddresses {
    /** From the IANA IPv4 and IPv6 special-purpose address registries: not reachable, or not meant to be. */
    private static final List<Block> NOT_PUBLIC = blocks(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "2001::/23", "2001:db8::/32", "3fff::/20");
    private static final Block GLOBAL_UNICAST_V6 = Block.of("2000::/3");
    private static final Block NAT64 = Block.of("64:ff9b::/96");
    private static final Block SIX_TO_FOUR = Block.of("2002::/16");

    private OutsideAddresses() {}

    static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16) {
            // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d, also :: and ::1) and NAT64 carry an IPv4
            // address in their last four bytes, 6to4 in bytes 2 to 5: judged as that address.
            if (allZero(b, 0, 10) && (allZero(b, 10, 12) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))
                    || NAT64.contains(b)) {
                return isPublic(Arrays.copyOfRange(b, 12, 16));
            }
            if (SIX_TO_FOUR.contains(b)) return isPublic(Arrays.copyOfRange(b, 2, 6));
            if (!GLOBAL_UNICAST_V6.contains(b)) return false;
        }
        return isPublic(b);
    }

    private static boolean isPublic(byte[] b) {
        return NOT_PUBLIC.stream().noneMatch(block -> block.contains(b));
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) return false;
        }
        return true;
    }

    private static List<Block> blocks(String... cidrs) {
        return Arrays.stream(cidrs).map(Block::of).toList();
    }

    /** An address block such as 10.0.0.0/8. */
    private record Block(byte[] prefix, int bits) {
        static Block of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                // A literal: parsed, never looked up. (Only ::ffff:… would come back as IPv4; none is listed.)
                return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) return false;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) return false;
            }
            return true;
        }
    }
}
