package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureVectorTest {
    @Test
    void groupsAreTheSameOnlyWithTheSamePrefixAndWords() {
        List<String> words = List.of("like", "this", "comment", "like", "this");
        FeatureVector.Group pair = new FeatureVector.Group(FeatureVector.QUOTED, words, 0, 2);
        assertThat(pair.sameAs(new FeatureVector.Group(FeatureVector.QUOTED, words, 3, 5))).isTrue();
        assertThat(pair.key()).isEqualTo("like this");
        // What a hash collision would bring together: other words, another length, another prefix.
        assertThat(pair.sameAs(new FeatureVector.Group(FeatureVector.QUOTED, words, 1, 3))).isFalse();
        assertThat(pair.sameAs(new FeatureVector.Group(FeatureVector.QUOTED, words, 0, 3))).isFalse();
        assertThat(pair.sameAs(new FeatureVector.Group("the name word ", words, 0, 2))).isFalse();
    }

    @Test
    void repeatsMergeIntoTheFirstWithALogCountWeight() {
        FeatureVector v = new FeatureVector(8);
        v.add(5, 1f, -1);
        v.add(9, 1f, -1);
        v.add(5, 1f, -1);
        v.add(5, 1f, -1);
        v.mergeRepeats(0);
        assertThat(v.size).isEqualTo(2);
        assertThat(v.index[0]).isEqualTo(5);
        assertThat(v.value[0]).isEqualTo((float) (1 + Math.log(3)));
        assertThat(v.index[1]).isEqualTo(9);
        assertThat(v.value[1]).isEqualTo(1f);
    }
}
