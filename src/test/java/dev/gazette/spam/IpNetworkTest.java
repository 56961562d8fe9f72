package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpNetworkTest {
    @Test
    void namesTheSlash24AndSlash48() {
        assertThat(IpNetwork.networkOf("203.0.113.77")).contains("203.0.113.0/24");
        assertThat(IpNetwork.networkOf("2001:db8:abcd:12::1")).contains("2001:db8:abcd::/48");
    }

    @Test
    void rejectsWhatIsNotALiteralWithoutLookingItUp() {
        assertThat(IpNetwork.parse("example.com")).isEmpty();
        assertThat(IpNetwork.parse("999.1.1.1")).isEmpty();
        assertThat(IpNetwork.parse("1.2.3")).isEmpty();
        assertThat(IpNetwork.parse("")).isEmpty();
    }
}
