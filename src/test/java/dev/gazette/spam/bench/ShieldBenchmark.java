package dev.gazette.spam.bench;

import dev.gazette.spam.InMemoryModelStore;
import dev.gazette.spam.ShieldSettings;
import dev.gazette.spam.SpamShield;
import dev.gazette.spam.Submission;
import dev.gazette.spam.Verdict;
import dev.gazette.spam.eval.Datasets;
import dev.gazette.spam.eval.LabelledText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Speed of the shield on one thread: checks per second, and the time of one learn() (sampled,
 * so the report gives the median). Texts come from {@code dataset} when it exists, else from
 * the team's own test corpus. Run with bench/spam-jmh.
 */
@State(Scope.Thread)
public class ShieldBenchmark {
    @Param("../shared/datasets/youtube-spam-collection")
    public String dataset;

    private SpamShield shield;
    private Submission[] submissions;
    private boolean[] labels;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path path = Path.of(dataset);
        if (!Files.exists(path)) {
            path = Path.of(ShieldBenchmark.class.getResource("/dev/gazette/spam/own-comments.tsv").toURI());
        }
        List<LabelledText> rows = Datasets.loadDistinct(path);
        submissions = rows.stream().map(t -> Submission.of(t.text())).toArray(Submission[]::new);
        labels = new boolean[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).spam();
        }
        shield = SpamShield.open(ShieldSettings.defaults().withSnapshotEvery(Integer.MAX_VALUE), new InMemoryModelStore());
        shield.seed(rows.stream().map(LabelledText::toExample).toList());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Verdict check() {
        Submission s = submissions[next];
        next = next + 1 == submissions.length ? 0 : next + 1;
        return shield.check(s);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void learn() {
        int i = next;
        next = next + 1 == submissions.length ? 0 : next + 1;
        shield.learn(submissions[i], labels[i]);
    }
}
