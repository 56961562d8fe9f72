package dev.gazette.spam.eval;

import dev.gazette.spam.ShieldSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.ServiceLoader;

/**
 * Measures the shield beside every {@link Baseline} on the classpath, on the same folds:
 * stratified k-fold cross-validation over distinct texts, then leave-one-file-out when the
 * dataset has several files. Ends with one machine-readable RESULT line for the shield.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** One model's pooled scores over all test folds, its per-split MCC and its check rate. */
    public record Result(String model, Metrics pooled, List<String> splitNames, double[] splitMcc, double checksPerSecond,
            boolean[] labels, double[] scores) {
        /** Mean of the per-split MCCs. */
        public double meanSplitMcc() {
            double s = 0;
            for (double m : splitMcc) {
                s += m;
            }
            return splitMcc.length == 0 ? 0 : s / splitMcc.length;
        }
    }

    /** What {@link #run} measured. */
    public record Report(String dataset, int rows, int distinct, List<Result> crossValidation, List<Result> leaveOneOut) {
        /** The shield's cross-validation result. */
        public Result shield() {
            return crossValidation.get(0);
        }
    }

    /** Runs with default shield settings and every baseline found by {@link ServiceLoader}. */
    public static Report run(Path dataset, int folds, long seed, OptionalDouble spamShare, PrintStream out)
            throws IOException {
        return run(dataset, folds, seed, spamShare, allModels(), out);
    }

    /** The shield seeded and online, then every baseline found by {@link ServiceLoader}. */
    public static List<Baseline> allModels() {
        List<Baseline> models = new ArrayList<>();
        models.add(new ShieldBaseline());
        models.add(new ShieldBaseline(ShieldSettings.defaults(), true));
        models.addAll(discoveredBaselines());
        return models;
    }

    /** Baselines on the classpath, sorted by name so that the table is stable. */
    public static List<Baseline> discoveredBaselines() {
        List<Baseline> found = new ArrayList<>();
        ServiceLoader.load(Baseline.class).forEach(found::add);
        found.sort(Comparator.comparing(Baseline::name));
        return found;
    }

    /**
     * Runs the given models; the first is reported in the RESULT line. With a spam share, texts of
     * the larger class are dropped (seeded) after deduplication until spam makes up that share.
     */
    public static Report run(Path dataset, int folds, long seed, OptionalDouble spamShare, List<Baseline> models,
            PrintStream out) throws IOException {
        List<LabelledText> all = Datasets.load(dataset);
        List<LabelledText> rows = Datasets.dedupe(all);
        int distinct = rows.size();
        String name = dataset.toAbsolutePath().normalize().getFileName().toString();
        if (spamShare.isPresent()) {
            rows = Datasets.withSpamShare(rows, spamShare.getAsDouble(), seed);
            name += String.format(Locale.ROOT, "@spam%.2f", spamShare.getAsDouble());
        }
        long spam = rows.stream().filter(LabelledText::spam).count();
        out.printf(Locale.ROOT, "dataset %s: %d rows, %d distinct texts, %d kept (%d spam, %d ham)%n", name, all.size(),
                distinct, rows.size(), spam, rows.size() - spam);

        List<Folds.Split> cvSplits = Folds.stratified(rows, folds, seed);
        out.printf(Locale.ROOT, "%n%d-fold stratified cross-validation, seed %d, pooled over folds%n", folds, seed);
        List<Result> cv = new ArrayList<>();
        for (Baseline b : models) {
            cv.add(evaluate(b, rows, cvSplits, seed));
        }
        printTable(cv, out);
        printThresholds(cv.get(0), out);

        List<Result> lofo = new ArrayList<>();
        List<Folds.Split> fileSplits = Folds.leaveOneSourceOut(rows);
        if (fileSplits.size() > 1) {
            out.printf(Locale.ROOT, "%nleave one file out (train on the others, test on it): MCC per file%n");
            for (Baseline b : models) {
                lofo.add(evaluate(b, rows, fileSplits, seed));
            }
            printFileTable(lofo, out);
            printThresholds(lofo.get(0), out);
        }
        Metrics m = cv.get(0).pooled();
        out.printf(Locale.ROOT, "%nRESULT dataset=%s n=%d mcc=%.4f f1=%.4f accuracy=%.4f spam_caught=%.4f ham_blocked=%.4f auc=%.4f%n",
                name, rows.size(), m.mcc(), m.f1(), m.accuracy(), m.spamCaught(), m.hamBlocked(), m.auc());
        return new Report(name, all.size(), rows.size(), cv, lofo);
    }

    /** Trains and tests one model on every split; predictions are pooled, each row tested once per split set. */
    public static Result evaluate(Baseline b, List<LabelledText> rows, List<Folds.Split> splits, long seed) {
        List<Boolean> labels = new ArrayList<>();
        List<Boolean> decisions = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        double[] splitMcc = new double[splits.size()];
        List<String> names = new ArrayList<>();
        long nanos = 0;
        long checks = 0;
        for (int s = 0; s < splits.size(); s++) {
            Folds.Split split = splits.get(s);
            names.add(split.name());
            List<LabelledText> train = split.train().stream().map(rows::get).toList();
            Baseline.Trained model = b.train(train, seed);
            int k = split.test().size();
            boolean[] y = new boolean[k];
            boolean[] p = new boolean[k];
            double[] sc = new double[k];
            long t0 = System.nanoTime();
            for (int i = 0; i < k; i++) {
                LabelledText t = rows.get(split.test().get(i));
                Baseline.Prediction pr = model.predict(t.text());
                y[i] = t.spam();
                p[i] = pr.spam();
                sc[i] = pr.score();
            }
            nanos += System.nanoTime() - t0;
            checks += k;
            splitMcc[s] = Metrics.of(y, p, sc).mcc();
            for (int i = 0; i < k; i++) {
                labels.add(y[i]);
                decisions.add(p[i]);
                scores.add(sc[i]);
            }
        }
        boolean[] y = new boolean[labels.size()];
        boolean[] p = new boolean[labels.size()];
        double[] sc = new double[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
            p[i] = decisions.get(i);
            sc[i] = scores.get(i);
        }
        double rate = nanos == 0 ? 0 : checks * 1e9 / nanos;
        return new Result(b.name(), Metrics.of(y, p, sc), names, splitMcc, rate, y, sc);
    }

    static void printTable(List<Result> results, PrintStream out) {
        out.printf(Locale.ROOT, "%-26s %7s %7s %8s %9s %11s %11s %7s %7s %7s %10s %9s%n", "model", "MCC", "F1", "accuracy",
                "precision", "spam caught", "ham blocked", "AUC", "Brier", "ECE", "fold MCC", "checks/s");
        for (Result r : results) {
            Metrics m = r.pooled();
            out.printf(Locale.ROOT, "%-26s %7.4f %7.4f %8.4f %9.4f %11.4f %11.4f %7.4f %7.4f %7.4f %10.4f %9.0f%n", r.model(),
                    m.mcc(), m.f1(), m.accuracy(), m.precision(), m.spamCaught(), m.hamBlocked(), m.auc(), m.brier(),
                    m.calibrationError(), r.meanSplitMcc(), r.checksPerSecond());
        }
    }

    /**
     * What the first model would do at other spam thresholds, pooled over the same splits: how a
     * site trades spam caught for ham blocked. For reading, not for choosing a threshold per split.
     */
    static void printThresholds(Result r, PrintStream out) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %s at p >=", r.model()));
        for (double t : new double[] {0.5, 0.6, 0.7, 0.75, 0.8, 0.9}) {
            boolean[] p = new boolean[r.scores().length];
            for (int i = 0; i < p.length; i++) {
                p[i] = r.scores()[i] >= t;
            }
            Metrics m = Metrics.of(r.labels(), p, r.scores());
            line.append(String.format(Locale.ROOT, "  %.2f: MCC %.4f caught %.4f blocked %.4f;", t, m.mcc(), m.spamCaught(),
                    m.hamBlocked()));
        }
        out.println(line);
    }

    static void printFileTable(List<Result> results, PrintStream out) {
        List<String> names = results.get(0).splitNames();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-26s", "model"));
        for (String n : names) {
            String shortName = n.replaceFirst("\\.csv$", "");
            head.append(String.format(Locale.ROOT, " %16s", shortName.length() > 16 ? shortName.substring(0, 16) : shortName));
        }
        head.append(String.format(Locale.ROOT, " %9s %11s %7s", "mean MCC", "ham blocked", "ECE"));
        out.println(head);
        for (Result r : results) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-26s", r.model()));
            for (double m : r.splitMcc()) {
                line.append(String.format(Locale.ROOT, " %16.4f", m));
            }
            line.append(String.format(Locale.ROOT, " %9.4f %11.4f %7.4f", r.meanSplitMcc(), r.pooled().hamBlocked(),
                    r.pooled().calibrationError()));
            out.println(line);
        }
    }

    /**
     * Command line: {@code Evaluation [dataset] [folds] [seed] [shield-only] [spam-share=P]};
     * shield-only skips the baselines, spam-share thins the larger class.
     */
    public static void main(String[] args) throws IOException {
        Path dataset = Path.of(args.length > 0 ? args[0] : "../shared/datasets/youtube-spam-collection");
        int folds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        List<String> flags = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        OptionalDouble share = flags.stream().filter(f -> f.startsWith("spam-share="))
                .mapToDouble(f -> Double.parseDouble(f.substring("spam-share=".length()))).findFirst();
        List<Baseline> models = flags.contains("shield-only") ? List.of(new ShieldBaseline()) : allModels();
        run(dataset, folds, seed, share, models, System.out);
    }
}
