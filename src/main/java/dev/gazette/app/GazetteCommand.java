package dev.gazette.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: options that every subcommand shares, and {@code serve} when none is named. */
@Command(name = "gazette", mixinStandardHelpOptions = true, version = "Gazette 0.1.0",
        description = "A self-hosted news site with its own spam shield.",
        subcommands = {ServeCommand.class, UserCommand.class, SpamCommand.class, PrivacyCommand.class,
                AkismetCommand.class, ImportCommand.class, ExportCommand.class, BackupCommand.class,
                WarmUpCommand.class, MediaCommand.class},
        footer = {"", "Settings are read in this order: command-line option, environment variable "
                + "(GAZETTE_PORT, GAZETTE_DATA, GAZETTE_DB_URL, GAZETTE_HOST, GAZETTE_BASE_URL…), "
                + "the config file (--config, GAZETTE_CONFIG, or ./gazette.properties), then the default."})
public final class GazetteCommand implements Callable<Integer> {

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder for the SQLite database and everything else the site writes (default: ./data).")
    Path data;

    @Option(names = "--port", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Port to listen on; 0 picks a free one (default: 8080).")
    Integer port;

    @Option(names = "--db-url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "Database URL: jdbc:sqlite:FILE (default, inside --data) or jdbc:postgresql://HOST/DB.")
    String dbUrl;

    @Option(names = "--db-password-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A file whose first line is the database password (or set GAZETTE_DB_PASSWORD); a password"
                    + " never belongs in --db-url, where every user of the machine sees it in ps.")
    Path dbPasswordFile;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A properties file with settings (keys: port, data, db.url, host, base.url, site.title…).")
    Path config;

    @Override
    public Integer call() {
        return new ServeCommand(this).call();
    }

    /** The settings as this invocation, its environment and its config file define them. */
    Settings settings() {
        Map<String, String> options = new HashMap<>();
        if (data != null) options.put("data", data.toString());
        if (port != null) options.put("port", port.toString());
        if (dbUrl != null) {
            if (SettingsLoader.carriesPassword(dbUrl)) {
                throw new IllegalArgumentException("--db-url carries a password, and every user of this machine can"
                        + " read a command line (ps). Give the URL without it, and the password in the environment"
                        + " (GAZETTE_DB_PASSWORD), the config file (db.password), or a file (--db-password-file FILE);"
                        + " or give the whole URL in GAZETTE_DB_URL or db.url instead.");
            }
            options.put("db.url", dbUrl);
        }
        if (dbPasswordFile != null) options.put("db.password-file", dbPasswordFile.toString());
        return SettingsLoader.load(options, System.getenv(), Optional.ofNullable(config));
    }
}
