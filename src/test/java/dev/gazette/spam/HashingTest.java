package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashingTest {
    @Test
    void pairsAndTriplesHashAsTheirJoinedText() {
        assertThat(Hashing.hash(7, "like", "this")).isEqualTo(Hashing.hash(7, "like this"));
        assertThat(Hashing.hash(7, "like", "this", "comment")).isEqualTo(Hashing.hash(7, "like this comment"));
        assertThat(Hashing.hash(7, "", "x", "")).isEqualTo(Hashing.hash(7, " x "));
    }

    @Test
    void theSeedSeparatesNamespaces() {
        assertThat(Hashing.hash(1, "free")).isNotEqualTo(Hashing.hash(2, "free"));
    }

    @Test
    void valuesNeverChangeBecauseSavedModelsDependOnThem() {
        // Pinned when the format was fixed: a different value means every saved model reads wrong slots.
        assertThat(Hashing.hash(0x1001, "free")).isEqualTo(PINNED_FREE);
        assertThat(Hashing.hash(0x1008, "like", "this", "comment")).isEqualTo(PINNED_TRIPLE);
    }

    private static final int PINNED_FREE = 1858710867;
    private static final int PINNED_TRIPLE = -1060163538;
}
