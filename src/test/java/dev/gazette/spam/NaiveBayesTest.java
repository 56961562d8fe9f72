package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaiveBayesTest {
    private final Analyzer analyzer = new Analyzer();
    private final FeatureExtractor features = new FeatureExtractor(LearnerSettings.defaults().hashBits());

    private FeatureVector vector(String text) {
        Submission s = Submission.of(text);
        Analysis a = analyzer.analyze(s);
        return features.extract(s, a, List.of(), false);
    }

    @Test
    void ratioFollowsTheClassAWordWasSeenIn() {
        NaiveBayes nb = new NaiveBayes(1 << 20, new float[2 << 20]);
        FeatureVector spam = vector("win a free prize now");
        FeatureVector ham = vector("the council met on tuesday");
        nb.update(spam, true);
        nb.update(ham, false);
        // Grams both texts share (" t", "e ") get 0; the rest lean to the class they came from.
        double spamSum = 0;
        for (int k = spam.textFrom; k < spam.textTo; k++) {
            assertThat(nb.ratio(spam.index[k])).isGreaterThanOrEqualTo(0.0);
            spamSum += nb.ratio(spam.index[k]);
        }
        double hamSum = 0;
        for (int k = ham.textFrom; k < ham.textTo; k++) {
            assertThat(nb.ratio(ham.index[k])).isLessThanOrEqualTo(0.0);
            hamSum += nb.ratio(ham.index[k]);
        }
        assertThat(spamSum).isPositive();
        assertThat(hamSum).isNegative();
        // Never seen: no evidence either way.
        assertThat(nb.ratio(12345)).isZero();
    }

    @Test
    void withFarMoreHamThanSpamANewSlotIsNeutralAndAHamSlotLeansToHam() {
        NaiveBayes nb = new NaiveBayes(1 << 20, new float[2 << 20]);
        for (int i = 0; i < 500; i++) {
            nb.update(vector("council meeting number " + i), false);
        }
        nb.update(vector("the orchard festival"), false);
        for (int i = 0; i < 10; i++) {
            nb.update(vector("cheap pills " + i), true);
        }
        FeatureVector onceInHam = vector("the orchard festival");
        assertThat(nb.ratio(12345)).isZero();
        for (int k = onceInHam.textFrom; k < onceInHam.textTo; k++) {
            assertThat(nb.ratio(onceInHam.index[k])).isNegative();
        }
        FeatureVector spamWords = vector("cheap pills");
        for (int k = spamWords.textFrom; k < spamWords.textTo; k++) {
            assertThat(nb.ratio(spamWords.index[k])).isGreaterThan(2.0);
        }
    }

    @Test
    void ratioWithoutAnExampleIsTheRatioBeforeItWasCounted() {
        NaiveBayes nb = new NaiveBayes(1 << 20, new float[2 << 20]);
        // Enough of each class that one more example leaves the frozen class shares alone.
        for (int i = 0; i < 20; i++) {
            nb.update(vector("cheap pills online " + i), true);
            nb.update(vector("nice article about pills " + i), false);
        }
        FeatureVector x = vector("cheap pills here");
        double[] before = new double[x.size];
        for (int k = x.textFrom; k < x.textTo; k++) {
            before[k] = nb.ratio(x.index[k]);
        }
        nb.update(x, true);
        for (int k = x.textFrom; k < x.textTo; k++) {
            assertThat(nb.ratioWithout(x.index[k], true)).isCloseTo(before[k], within(1e-6));
            assertThat(nb.ratio(x.index[k])).isGreaterThan(before[k]);
        }
    }

    @Test
    void textFeaturesAreDistinctSlotsOutsideTheReservedOnes() {
        FeatureVector x = vector("spam spam spam and eggs, spam");
        assertThat(x.index[0]).isZero();
        assertThat(x.index[ShieldModel.NB_SLOT]).isEqualTo(ShieldModel.NB_SLOT);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int k = x.textFrom; k < x.textTo; k++) {
            assertThat(x.index[k]).isGreaterThan(ShieldModel.NB_SLOT);
            assertThat(seen.add(x.index[k])).isTrue();
        }
    }

    @Test
    void learningOneSpamRaisesTheNaiveBayesScoreOfSimilarText() {
        ShieldModel m = new ShieldModel(LearnerSettings.defaults());
        FeatureVector probe = vector("claim your free gift card today");
        float before = m.effective(probe)[ShieldModel.NB_SLOT];
        m.learn(vector("free gift card, claim it today"), 0.0, true);
        m.learn(vector("the mayor spoke today"), 0.0, false);
        assertThat(m.effective(probe)[ShieldModel.NB_SLOT]).isGreaterThan(before);
    }

    @Test
    void countsSurviveExportAndImport() throws Exception {
        SpamShield trained = ShieldFixtures.trained();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        trained.exportModel(file);
        ShieldModel back = ModelCodec.decode(file.toByteArray());
        ShieldModel again = ModelCodec.decode(ModelCodec.encode(back));
        // Arrays.equals, not containsExactly: AssertJ's diff of a million elements takes minutes.
        assertThat(java.util.Arrays.equals(again.nb.spamCount, back.nb.spamCount)).isTrue();
        assertThat(java.util.Arrays.equals(again.nb.hamCount, back.nb.hamCount)).isTrue();
        assertThat(back.nb.spamDocs).isEqualTo(back.spamSeen).isPositive();
        assertThat(back.nb.hamDocs).isEqualTo(back.hamSeen).isPositive();
        float total = 0;
        for (float c : back.nb.spamCount) {
            total += c;
        }
        assertThat(total).isPositive();
    }

    @Test
    void aVersionOneModelIsRefusedWithAnExplanation() throws Exception {
        SpamShield trained = ShieldFixtures.trained();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trained.exportModel(out);
        byte[] old = out.toByteArray();
        old[11] = 1;
        assertThatThrownBy(() -> trained.importModel(new ByteArrayInputStream(old)))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("version 1")
                .hasMessageContaining("gazette spam train");
    }
}
