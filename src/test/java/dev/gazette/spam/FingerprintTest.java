package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {
    static final String SCAM = "Congratulations! You have won a $1000 gift card. Claim it now at http://claim-prize.xyz/now"
            + " before it expires, limited offer!!!";

    @Test
    void caseSpacingAndMarkupDoNotChangeTheExactHash() {
        assertThat(Fingerprint.of("Hello   <b>World</b>").exact()).isEqualTo(Fingerprint.of("hello world").exact());
        assertThat(Fingerprint.of("hello world").exact()).isNotEqualTo(Fingerprint.of("hello word").exact());
        // Without words, the symbols themselves are the text.
        assertThat(Fingerprint.of("\uD83D\uDE00!").exact()).isNotEqualTo(Fingerprint.of("\uD83D\uDE41!").exact());
    }

    @Test
    void aNearCopyIsNearAndAnotherTextIsNot() {
        Fingerprint scam = Fingerprint.of(SCAM);
        assertThat(scam.near(Fingerprint.of(SCAM.replace("claim-prize.xyz", "claim-prizes.top")))).isTrue();
        assertThat(scam.near(Fingerprint.of(SCAM.replace("$1000", "$500") + " Hurry"))).isTrue();
        assertThat(scam.near(Fingerprint.of("I was at the council meeting last night too. The vote on the bus lanes"
                + " was closer than this piece suggests, and two members abstained."))).isFalse();
        assertThat(scam.near(Fingerprint.of("You have won nothing, the council said; the gift of the card game"
                + " club was a limited offer that expired before the vote."))).isFalse();
    }

    @Test
    void shortTextsMatchOnlyExactly() {
        assertThat(Fingerprint.of("Great article, thanks!").near(Fingerprint.of("great article thanks"))).isTrue();
        assertThat(Fingerprint.of("Great article, thanks!").near(Fingerprint.of("Great article, thank you!"))).isFalse();
    }

    @Test
    void bytesRoundTripAndAreBounded() {
        Fingerprint long_ = Fingerprint.of("word ".repeat(10) + "many different words in a rather longer text than most"
                + " readers would write under a story about the harbour and its ferries on sundays");
        assertThat(long_.toBytes()).hasSize(Fingerprint.SKETCH * Integer.BYTES);
        assertThat(Fingerprint.fromBytes(long_.exact(), long_.toBytes())).isEqualTo(long_);
        assertThat(Fingerprint.of("").sketch()).isEmpty();
        assertThat(Fingerprint.of("x".repeat(1_000_000)).sketch()).hasSize(1);
    }
}
