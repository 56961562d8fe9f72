package dev.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Which addresses count as public: the rule behind every fetch from a staff member's address. */
class OutsideAddressesTest {
    private static boolean isPublic(String literal) throws Exception {
        return OutsideAddresses.isPublic(InetAddress.getByName(literal));
    }

    @Test
    void publicAddressesMayBeFetched() throws Exception {
        for (String a : new String[] {"8.8.8.8", "1.1.1.1", "93.184.215.14", "172.32.0.1", "100.128.0.1", "169.255.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:81b::200e", "64:ff9b::808:808", "2002:808:808::1"}) {
            assertThat(isPublic(a)).as(a).isTrue();
        }
    }

    @Test
    void loopbackPrivateLinkLocalAndTheRestAreNot() throws Exception {
        for (String a : new String[] {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10",
            "169.254.169.254", "169.254.0.1", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.254", "224.0.0.251",
            "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.0.8", "192.0.2.1", "198.18.0.1", "203.0.113.9",
            "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "2001:db8::1", "2001::1",
            "::127.0.0.1", "64:ff9b::a00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:c0a8:101::1", "::ffff:10.0.0.1"}) {
            assertThat(isPublic(a)).as(a).isFalse();
        }
    }

    @Test
    void anIpv4MappedAddressKeptInItsIpv6FormIsJudgedByItsIpv4Address() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254};
        assertThat(OutsideAddresses.isPublic(Inet6Address.getByAddress(null, mapped, null))).isFalse();
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        assertThat(OutsideAddresses.isPublic(Inet6Address.getByAddress(null, mapped, null))).isTrue();
    }
}
