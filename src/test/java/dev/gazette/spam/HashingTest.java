package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashingTest {
    @Test
    void pairsAndTriplesHashAsTheirJoinedText() {
        List<String> words = List.of("like", "this", "comment", "", "x", "");
        assertThat(Hashing.hash(7, words, 0, 1)).isEqualTo(Hashing.hash(7, "like"));
        assertThat(Hashing.hash(7, words, 0, 2)).isEqualTo(Hashing.hash(7, "like this"));
        assertThat(Hashing.hash(7, words, 0, 3)).isEqualTo(Hashing.hash(7, "like this comment"));
        assertThat(Hashing.hash(7, words, 3, 6)).isEqualTo(Hashing.hash(7, " x "));
    }

    @Test
    void theSeedSeparatesNamespaces() {
        assertThat(Hashing.hash(1, "free")).isNotEqualTo(Hashing.hash(2, "free"));
    }

    @Test
    void valuesNeverChangeBecauseSavedModelsDependOnThem() {
        // Pinned when the format was fixed: a different value means every saved model reads wrong slots.
        assertThat(Hashing.hash(0x1001, "free")).isEqualTo(PINNED_FREE);
        assertThat(Hashing.hash(0x1008, List.of("like", "this", "comment"), 0, 3)).isEqualTo(PINNED_TRIPLE);
    }

    private static final int PINNED_FREE = 1858710867;
    private static final int PINNED_TRIPLE = -1060163538;
}
