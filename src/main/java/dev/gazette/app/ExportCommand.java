package dev.gazette.app;

import dev.gazette.syndication.SiteExport;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gazette export --format wxr|json FILE}: everything, for WordPress, for Gazette, or for anyone. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export every story (any state) and every reply (any state) as a WordPress export (wxr),"
                + " which WordPress and Gazette import, or as JSON.")
public final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    GazetteCommand root;

    @Option(names = "--format", defaultValue = "wxr", description = "wxr or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("wxr") && !kind.equals("json")) {
            throw new IllegalArgumentException("--format must be wxr or json, not '" + format + "'");
        }
        Settings settings = root.settings();
        try (Gazette gazette = Gazette.open(settings); OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            SiteExport export = new SiteExport(gazette.articles(), gazette.comments(), gazette.media());
            int stories = kind.equals("wxr")
                    ? export.wxr(out, settings.siteTitle(), settings.publicUrl(settings.port()))
                    : export.json(out);
            System.out.println("Exported " + stories + " stories to " + file);
        }
        return 0;
    }
}
