package dev.gazette.app;

import dev.gazette.media.MediaItem;
import dev.gazette.media.MediaLibrary;
import dev.gazette.media.MediaText;
import dev.gazette.media.PictureRefused;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gazette media add FILE --alt TEXT}: a picture from a script or an import, its public address printed. */
@Command(name = "media", mixinStandardHelpOptions = true, description = "Manage the site's pictures.",
        subcommands = MediaCommand.Add.class)
public final class MediaCommand {
    @ParentCommand
    GazetteCommand root;

    /** Adds one picture, processed as an upload in the editor is. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a picture (JPEG, PNG, GIF or WebP)."
            + " Prints its public address (the 960-pixel size, or the widest there is); its Markdown and id go to"
            + " standard error.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        MediaCommand media;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The picture file.")
        Path file;

        @Option(names = "--alt", required = true, description = "What the picture shows, for readers who cannot see it.")
        String alt;

        @Option(names = "--caption", defaultValue = "", description = "Shown under the picture.")
        String caption;

        @Option(names = "--credit", defaultValue = "", description = "Who took it, shown as \"Photo: …\" (name / agency).")
        String credit;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            MediaText text = new MediaText(alt, caption, credit);
            if (!text.errors().isEmpty()) {
                err.println(String.join(" ", text.errors().values()));
                return 2;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                err.println("There is no file " + file + ". Check the path and try again.");
                return 2;
            }
            Settings settings = media.root.settings();
            try (Gazette gazette = Gazette.open(settings)) {
                MediaLibrary.Added added = gazette.media().add(bytes, text);
                MediaItem item = added.item();
                out.println(settings.publicUrl(settings.port()).replaceAll("/+$", "") + item.path(item.middle()));
                out.flush();
                err.println((added.existed() ? "Already in the library as " : "Added as ") + item.id() + ": "
                        + item.markdown());
                err.flush();
                return 0;
            } catch (PictureRefused e) {
                err.println(file + ": " + e.getMessage());
                return 1;
            }
        }
    }
}
