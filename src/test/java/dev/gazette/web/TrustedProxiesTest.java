package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    static final TrustedProxies LOCAL_AND_LAN = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, ::1");

    @Test
    void withoutTrustedProxiesTheConnectionAloneTells() {
        ClientRequest client = TrustedProxies.none().resolve("127.0.0.1", false, List.of("203.0.113.9"), List.of("https"));
        assertThat(client).isEqualTo(new ClientRequest("127.0.0.1", false));
    }

    @Test
    void theClientIsTheRightmostAddressThatIsNoTrustedProxy() {
        // The client forged the first entry; the LAN proxy and then the local one appended what they saw.
        ClientRequest client = LOCAL_AND_LAN.resolve("127.0.0.1", false,
                List.of("6.6.6.6, 198.51.100.4", "10.1.2.3"), List.of("https"));
        assertThat(client).isEqualTo(new ClientRequest("198.51.100.4", true));
    }

    @Test
    void theStandardForwardedHeaderIsReadLikeXForwardedFor() {
        // RFC 7239: one element a hop, pairs split by ';', IPv6 quoted in brackets with a port.
        TrustedProxies.Forwarded hops = TrustedProxies.Forwarded.parse(List.of(
                "for=6.6.6.6;proto=https, For=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.1", "for=10.1.2.3;proto=http"));
        assertThat(hops.forList()).containsExactly("6.6.6.6", "[2001:db8:cafe::17]:4711", "10.1.2.3");
        assertThat(hops.protoList()).containsExactly("https", "https", "http");
        assertThat(LOCAL_AND_LAN.resolve("127.0.0.1", false, hops.forList(), hops.protoList()))
                .isEqualTo(new ClientRequest("2001:db8:cafe:0:0:0:0:17", false));
        assertThat(TrustedProxies.Forwarded.parse(List.of("for=unknown;proto=https")).forList()).containsExactly("unknown");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItClaims() {
        assertThat(LOCAL_AND_LAN.resolve("198.51.100.4", false, List.of("10.1.2.3"), List.of("https")))
                .isEqualTo(new ClientRequest("198.51.100.4", false));
    }

    @Test
    void theNearestProxysWordOnTheSchemeCounts() {
        assertThat(LOCAL_AND_LAN.resolve("127.0.0.1", false, List.of(), List.of("https, http")).secure()).isFalse();
        assertThat(LOCAL_AND_LAN.resolve("127.0.0.1", true, List.of(), List.of()).secure()).isTrue();
    }

    @Test
    void addressesAreReadAsLiteralsInOneSpellingAndNamesAreNotLookedUp() {
        assertThat(LOCAL_AND_LAN.resolve("[::1]", false, List.of("[2001:db8::1]:443"), List.of()).address())
                .isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(LOCAL_AND_LAN.resolve("127.0.0.1", false, List.of("203.0.113.9:5555"), List.of()).address())
                .isEqualTo("203.0.113.9");
        // Garbage from the client behind a trusted proxy leaves the proxy's address, never a name to resolve.
        assertThat(LOCAL_AND_LAN.resolve("127.0.0.1", false, List.of("localhost"), List.of()).address())
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aWrongEntryIsNamed() {
        assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1, proxy.internal"))
                .hasMessageContaining("'proxy.internal'").hasMessageContaining("10.0.0.0/8");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33'");
        assertThat(TrustedProxies.parse(" ").toString()).isEqualTo("(none)");
    }
}
