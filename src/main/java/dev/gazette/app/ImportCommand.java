package dev.gazette.app;

import dev.gazette.media.MediaItem;
import dev.gazette.media.MediaLibrary;
import dev.gazette.media.MediaText;
import dev.gazette.spam.Example;
import dev.gazette.syndication.AttachmentFiles;
import dev.gazette.syndication.PictureIntake;
import dev.gazette.syndication.FeedFetcher;
import dev.gazette.syndication.FeedImporter;
import dev.gazette.syndication.FetchFailed;
import dev.gazette.syndication.WordPressImport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gazette import feed FILE|URL}: an agency's RSS or Atom feed, once, from the command line. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import stories from elsewhere.",
        subcommands = {ImportCommand.Feed.class, ImportCommand.WordPress.class})
public final class ImportCommand {
    @ParentCommand
    GazetteCommand root;

    /** Imports a WordPress export (Tools → Export). */
    @Command(name = "wordpress", mixinStandardHelpOptions = true,
            description = "Import a WordPress export (WXR): posts, categories, tags and comments with their threads"
                    + " and states. A second run adds nothing; a malformed file is refused before anything is written.")
    static final class WordPress implements Callable<Integer> {
        private static final int SEED_BATCH = 10_000;

        @ParentCommand
        ImportCommand parent;

        @Parameters(paramLabel = "EXPORT.xml")
        Path file;

        @Option(names = "--uploads", paramLabel = "DIR", description = "The old site's wp-content/uploads folder (or, from"
                + " another Gazette's export, its data folder's media folder), copied here: attachments are read from it. Without it they are fetched from their addresses (public ones,"
                + " unless the setting fetch.allow-hosts names the host).")
        Path uploads;

        @Option(names = "--train-shield", description = "Teach the spam shield from the imported spam and approved comments.")
        boolean trainShield;

        @Override
        public Integer call() throws Exception {
            try (Gazette gazette = Gazette.open(parent.root.settings())) {
                // Seeded in batches rather than learned one by one: several passes over a site's history
                // teach the shield more (10-fold CV MCC 0.942 against 0.909, docs/shield.md), and a
                // batch bounds the memory a large export needs.
                List<Example> batch = new ArrayList<>();
                long[] taught = new long[2];
                AttachmentFiles files = uploads != null ? AttachmentFiles.folder(uploads)
                        : AttachmentFiles.web(new FeedFetcher(parent.root.settings().fetch()));
                WordPressImport.Report report = new WordPressImport(gazette.articles(), gazette.comments(),
                        pictures(gazette.media()), files).importFile(file, (reply, spam) -> {
                            if (!trainShield) {
                                return;
                            }
                            batch.add(new Example(gazette.comments().submissionOf(reply), spam));
                            taught[spam ? 0 : 1]++;
                            if (batch.size() == SEED_BATCH) {
                                gazette.shield().seed(batch);
                                batch.clear();
                            }
                        });
                if (!batch.isEmpty()) {
                    gazette.shield().seed(batch);
                }
                report.skipped().forEach(t -> System.out.println("skipped  " + t));
                System.out.println(report.pictures() + " pictures imported.");
                System.out.println(report.posts() + " posts and " + report.replies() + " comments imported, "
                        + report.skipped().size() + " skipped, of " + report.items() + " items"
                        + (trainShield ? "; the shield learned from " + taught[0] + " spam and " + taught[1]
                                + " approved comments." : "."));
                return 0;
            }
        }
    }

    /** Attachments through the same processing as an upload: limits, sniffing, metadata dropped. */
    public static PictureIntake pictures(MediaLibrary media) {
        return (file, alt, caption, credit) -> {
            MediaItem item = media.add(file, new MediaText(alt, caption, credit)).item();
            return new PictureIntake.Taken(item.id(), item.path(item.middle()));
        };
    }

    /** Imports one feed and prints what it added and skipped. */
    @Command(name = "feed", mixinStandardHelpOptions = true,
            description = "Import an RSS or Atom feed from a file or an http(s) address (a public one, unless the setting"
                    + " fetch.allow-hosts names its host); prints what was added and skipped.")
    static final class Feed implements Callable<Integer> {
        @ParentCommand
        ImportCommand parent;

        @Parameters(paramLabel = "FILE|URL")
        String from;

        @Option(names = "--draft", description = "Keep the stories as drafts for an editor to publish.")
        boolean draft;

        @Option(names = "--outlet", defaultValue = "", description = "The outlet to credit (default: the feed's title).")
        String outlet;

        @Option(names = "--agency", defaultValue = "", description = "The agency to credit (default: each story's author).")
        String agency;

        @Option(names = "--section", defaultValue = "News", description = "The section the stories go in (default: ${DEFAULT-VALUE}).")
        String section;

        @Override
        public Integer call() throws Exception {
            Settings settings = parent.root.settings();
            // Fetched before the database opens: an address refused, or a feed that never came, changes nothing.
            try (InputStream in = open(from, new FeedFetcher(settings.fetch())); Gazette gazette = Gazette.open(settings)) {
                FeedImporter.Report report = new FeedImporter(gazette.articles(), gazette.clock())
                        .importFeed(in, outlet, agency, section, draft);
                report.added().forEach(t -> System.out.println("added    " + t));
                report.skipped().forEach(t -> System.out.println("skipped  " + t));
                System.out.println(report.added().size() + " added, " + report.skipped().size() + " skipped.");
                return 0;
            }
        }

        private static InputStream open(String from, FeedFetcher fetcher) throws IOException, InterruptedException {
            if (!from.startsWith("http://") && !from.startsWith("https://")) {
                Path file = Path.of(from);
                if (!Files.isRegularFile(file)) throw new IOException("No feed file at " + file.toAbsolutePath());
                return Files.newInputStream(file);
            }
            try {
                return new ByteArrayInputStream(fetcher.get(from, Map.of()).body());
            } catch (FetchFailed e) {
                throw new IOException(from + ": " + e.getMessage(), e);
            }
        }
    }
}
