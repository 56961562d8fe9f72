package dev.gazette.spam.eval;

import static org.assertj.core.api.Assertions.assertThat;
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
    void tiesCountHalfInAuc() {
        assertThat(Metrics.auc(new boolean[] {true, false}, new double[] {0.5, 0.5})).isEqualTo(0.5);
    }
}
