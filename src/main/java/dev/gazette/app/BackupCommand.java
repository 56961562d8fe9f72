package dev.gazette.app;

import dev.gazette.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gazette backup FILE}: a consistent copy of the SQLite database, taken while the site runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the embedded database to FILE, while the site keeps running.")
public final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    GazetteCommand root;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        Settings settings = root.settings();
        if (Dialect.of(settings.dbUrl()) != Dialect.SQLITE) {
            throw new IllegalArgumentException("This site runs on PostgreSQL: back it up with pg_dump.");
        }
        if (Files.exists(file)) throw new IllegalArgumentException(file + " exists already; choose a new file name.");
        try (Gazette gazette = Gazette.open(settings)) {
            // VACUUM INTO reads one snapshot of the database (WAL readers never block), so writers go on meanwhile.
            gazette.database().reads().useHandle(h -> h.createUpdate("VACUUM INTO :file")
                    .bind("file", file.toAbsolutePath().toString()).execute());
        }
        System.out.println("Backed up to " + file);
        return 0;
    }
}
