package dev.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a new-sign-in mail names the browser and the network: coarse words, never the full address. */
class DevicesTest {
    @Test
    void browsersAndSystemsInAFewWords() {
        assertThat(BrowserNames.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like"
                + " Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0")).isEqualTo("Edge on Windows");
        assertThat(BrowserNames.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on an iPhone");
        assertThat(BrowserNames.describe("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/126.0 Mobile Safari/537.36")).isEqualTo("Chrome on Android");
        assertThat(BrowserNames.describe("<script>alert(1)</script> Evil/1.0")).isEqualTo("an unrecognised browser or program");
        assertThat(BrowserNames.describe(null)).isEqualTo("an unrecognised browser or program");
    }

    @Test
    void theNetworkLeavesTheLastPartOfTheAddressOut() {
        assertThat(Devices.network("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(Devices.network("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3::/48");
        assertThat(Devices.network("")).isEqualTo("an unknown network");
    }

    @Test
    void oneBrowserIsStoredUnderDifferentHashesForDifferentAccounts() {
        assertThat(Devices.hash(1, "same-browser")).isNotEqualTo(Devices.hash(2, "same-browser"));
    }
}
