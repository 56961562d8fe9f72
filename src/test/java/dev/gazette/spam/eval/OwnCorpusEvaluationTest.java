package dev.gazette.spam.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The whole evaluation on replies the team wrote itself, so CI measures something without the shared dataset. */
class OwnCorpusEvaluationTest {
    private static Path corpus() throws URISyntaxException {
        return Path.of(OwnCorpusEvaluationTest.class.getResource("/dev/gazette/spam/own-comments.tsv").toURI());
    }

    @Test
    void shieldClearsAFloorOnOurOwnCommentsAndPrintsTheResultLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Evaluation.Report report = Evaluation.run(corpus(), 5, 42L, OptionalDouble.empty(), List.of(new ShieldBaseline()), out);
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(report.distinct()).isBetween(100, 150);
        assertThat(report.shield().pooled().mcc()).isGreaterThan(0.75);
        assertThat(report.shield().pooled().hamBlocked()).isLessThan(0.10);
        assertThat(report.shield().pooled().auc()).isGreaterThan(0.9);
        String last = printed.strip().lines().reduce((a, b) -> b).orElseThrow();
        // A perfect score prints as 1.0000, so each figure is [01].dddd.
        assertThat(last).matches("RESULT dataset=own-comments\\.tsv n=\\d+ mcc=-?[01]\\.\\d{4} f1=[01]\\.\\d{4}"
                + " accuracy=[01]\\.\\d{4} spam_caught=[01]\\.\\d{4} ham_blocked=[01]\\.\\d{4} auc=[01]\\.\\d{4}");
    }

    @Test
    void discoversTheLibraryBaselinesOnTheTestClasspath() {
        assertThat(Evaluation.discoveredBaselines()).extracting(Baseline::name)
                .anyMatch(n -> n.startsWith("OpenNLP")).anyMatch(n -> n.startsWith("Tribuo"));
    }
}
