package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A reason as stored with a reply and shown to moderators: its text and its weight signed, to one decimal. */
class ReasonTest {
    @Test
    void theWeightIsSignedAndRoundedHalfUpToOneDecimal() {
        assertThat(new Reason("'free' counts toward spam", 1.25).toString()).isEqualTo("'free' counts toward spam (+1.3)");
        assertThat(new Reason("known author", -0.25).toString()).isEqualTo("known author (-0.3)");
        assertThat(new Reason("nothing", 0).toString()).isEqualTo("nothing (+0.0)");
        assertThat(new Reason("a little", -0.04).toString()).isEqualTo("a little (-0.0)");
        assertThat(new Reason("many links", 12.96).toString()).isEqualTo("many links (+13.0)");
    }

    @Test
    void readsAsTheFormatterWroteItForAnyWeight() {
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            double w = (random.nextDouble() - 0.5) * 40;
            if (i % 3 == 0) w = BigDecimal.valueOf(w).setScale(2, RoundingMode.DOWN).doubleValue(); // ties like x.x5
            assertThat(new Reason("r", w).toString()).isEqualTo(String.format(Locale.ROOT, "%s (%+.1f)", "r", w));
        }
    }
}
