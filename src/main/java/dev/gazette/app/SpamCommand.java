package dev.gazette.app;

import dev.gazette.comment.CommentState;
import dev.gazette.comment.Comments;
import dev.gazette.spam.Example;
import dev.gazette.spam.ShieldStats;
import dev.gazette.spam.SpamShield;
import dev.gazette.spam.eval.Datasets;
import dev.gazette.spam.eval.Evaluation;
import dev.gazette.spam.eval.LabelledText;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gazette spam train|eval|export|import}: the shield's model from the command line. */
@Command(name = "spam", mixinStandardHelpOptions = true, description = "Train, evaluate, export or import the spam shield.",
        subcommands = {SpamCommand.Train.class, SpamCommand.Eval.class, SpamCommand.Export.class, SpamCommand.Import.class})
public final class SpamCommand {
    @ParentCommand
    GazetteCommand root;

    /** Seeds the site's model from labelled data, from the site's own moderated replies, or both. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Seed the site's shield from labelled data (a folder of YouTube-Spam-Collection CSV files,"
                    + " or a TSV file of label<TAB>text lines, labels spam/ham), or train it afresh from the site's own"
                    + " approved and spam replies with --from-site (then with the data as well, if given).")
    static final class Train implements Callable<Integer> {
        @ParentCommand
        SpamCommand spam;

        @Option(names = "--dataset", paramLabel = "PATH", description = "The labelled data.")
        Path dataset;

        @Option(names = "--from-site", description = "Start the model afresh from the site's approved (ham) and spam"
                + " replies: several passes teach it more than the one lesson per decision it had. What it learned"
                + " only from API feedback is not kept, and spam is there only as long as privacy.delete-spam-after-days"
                + " keeps it (add --dataset to make up for that).")
        boolean fromSite;

        @Override
        public Integer call() throws Exception {
            if (dataset == null && !fromSite) {
                throw new IllegalArgumentException("say what to train from: --dataset PATH, --from-site, or both");
            }
            List<LabelledText> rows = dataset == null ? List.of() : Datasets.loadDistinct(dataset);
            try (Gazette gazette = Gazette.open(spam.root.settings())) {
                SpamShield shield = gazette.shield();
                if (fromSite) {
                    Comments comments = gazette.comments();
                    shield.retrain(() -> StreamSupport.stream(comments.decided().spliterator(), false)
                            .map(c -> new Example(comments.submissionOf(c), c.state() == CommentState.SPAM)).iterator());
                    ShieldStats site = shield.stats();
                    System.out.println("Trained afresh on the site's " + site.spamLearned() + " spam and "
                            + site.hamLearned() + " approved replies.");
                }
                if (!rows.isEmpty()) {
                    shield.seed(rows.stream().map(LabelledText::toExample).toList());
                    long spamRows = rows.stream().filter(LabelledText::spam).count();
                    System.out.println("Trained on " + rows.size() + " distinct texts (" + spamRows + " spam, "
                            + (rows.size() - spamRows) + " ham).");
                }
                ShieldStats stats = shield.stats();
                System.out.println("The shield has now learned " + stats.spamLearned() + " spam and " + stats.hamLearned()
                        + " ham; its classifier " + (stats.classifierAbstains() ? "still abstains (too few examples)."
                                : "takes part in verdicts."));
                return 0;
            }
        }
    }

    /** Cross-validates the shield and the library baselines on labelled data; touches no site. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Evaluate the shield (and any library baselines on the classpath) with stratified k-fold"
                    + " cross-validation, and leave-one-file-out for a folder of CSV files.")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--dataset", required = true, paramLabel = "PATH", description = "The labelled data.")
        Path dataset;

        @Option(names = "--folds", defaultValue = "10", description = "Number of folds (default: ${DEFAULT-VALUE}).")
        int folds;

        @Option(names = "--seed", defaultValue = "42", description = "Seed for the folds (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--spam-share", paramLabel = "P", description = "Drop texts of the larger class (seeded) until"
                + " spam makes up this share, e.g. 0.15: how the shield copes with a site that is not balanced.")
        Double spamShare;

        @Override
        public Integer call() throws Exception {
            if (folds < 2) throw new IllegalArgumentException("--folds must be at least 2");
            if (spamShare != null && !(spamShare > 0 && spamShare < 1)) {
                throw new IllegalArgumentException("--spam-share must be between 0 and 1, such as 0.15");
            }
            Evaluation.run(dataset, folds, seed, spamShare == null ? OptionalDouble.empty() : OptionalDouble.of(spamShare),
                    System.out);
            return 0;
        }
    }

    /** Writes the site's model to a file. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the site's shield model to a file.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        SpamCommand spam;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (Gazette gazette = Gazette.open(spam.root.settings()); OutputStream out = Files.newOutputStream(file)) {
                gazette.shield().exportModel(out);
            }
            System.out.println("Wrote the shield's model to " + file);
            return 0;
        }
    }

    /** Replaces the site's model with one from a file. */
    @Command(name = "import", mixinStandardHelpOptions = true, description = "Replace the site's shield model with a file's.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        SpamCommand spam;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (Gazette gazette = Gazette.open(spam.root.settings()); InputStream in = Files.newInputStream(file)) {
                gazette.shield().importModel(in);
            }
            System.out.println("Imported the shield's model from " + file);
            return 0;
        }
    }
}
