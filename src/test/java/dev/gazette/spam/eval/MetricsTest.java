package dev.gazette.spam.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void computesTheConfusionMetrics() {
        // 3 spam: 2 caught; 5 ham: 1 blocked.
        boolean[] y = {true, true, true, false, false, false, false, false};
        boolean[] p = {true, true, false, true, false, false, false, false};
        double[] s = {0.9, 0.8, 0.3, 0.7, 0.2, 0.1, 0.4, 0.35};
        Metrics m = Metrics.of(y, p, s);
        assertThat(m.tp()).isEqualTo(2);
        assertThat(m.fp()).isEqualTo(1);
        assertThat(m.accuracy()).isCloseTo(6 / 8.0, within(1e-12));
        assertThat(m.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.spamCaught()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.hamBlocked()).isCloseTo(1 / 5.0, within(1e-12));
        assertThat(m.f1()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.mcc()).isCloseTo((2.0 * 4 - 1.0 * 1) / Math.sqrt(3.0 * 3 * 5 * 5), within(1e-12));
        // pairs (spam, ham) ranked right: 0.9 and 0.8 beat all 5; 0.3 beats 0.2 and 0.1 -> 12 of 15
        assertThat(m.auc()).isCloseTo(12 / 15.0, within(1e-12));
    }

    @Test
    void brierIsTheMeanSquaredGapToTheLabel() {
        boolean[] y = {true, false, true, false};
        double[] s = {1.0, 0.0, 0.5, 0.5};
        assertThat(Metrics.brier(y, s)).isCloseTo((0 + 0 + 0.25 + 0.25) / 4, within(1e-12));
    }

    @Test
    void calibrationErrorComparesEachBinsMeanScoreWithItsSpamRate() {
        // Bin 0.8-0.9: four scores of 0.8, three spam -> |0.8 - 0.75| = 0.05, half the weight.
        // Bin 0.1-0.2: four scores of 0.1, none spam -> |0.1 - 0| = 0.1, half the weight.
        boolean[] y = {true, true, true, false, false, false, false, false};
        double[] s = {0.8, 0.8, 0.8, 0.8, 0.1, 0.1, 0.1, 0.1};
        assertThat(Metrics.calibrationError(y, s)).isCloseTo(0.5 * 0.05 + 0.5 * 0.1, within(1e-12));
        boolean[] perfect = {true, false};
        assertThat(Metrics.calibrationError(perfect, new double[] {1.0, 0.0})).isZero();
    }

    @Test
    void aScoreThatIsNotAProbabilityIsRefused() {
        boolean[] y = {true, false};
        boolean[] p = {true, false};
        assertThatThrownBy(() -> Metrics.of(y, p, new double[] {0.9, Double.NaN})).hasMessageContaining("score 1 is NaN");
        assertThatThrownBy(() -> Metrics.of(y, p, new double[] {1.5, 0.1})).hasMessageContaining("not a probability");
    }

    @Test
    void tiesCountHalfInAuc() {
        assertThat(Metrics.auc(new boolean[] {true, false}, new double[] {0.5, 0.5})).isEqualTo(0.5);
    }
}
