package dev.gazette.app;

import dev.gazette.akismet.ApiKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gazette akismet key add|list|revoke}: keys for the Akismet-compatible API. */
@Command(name = "akismet", mixinStandardHelpOptions = true,
        description = "Manage keys of the Akismet-compatible API that other sites use.",
        subcommands = AkismetCommand.Key.class)
public final class AkismetCommand {
    @ParentCommand
    GazetteCommand root;

    /** The key commands. */
    @Command(name = "key", mixinStandardHelpOptions = true, description = "Add, list or revoke API keys.",
            subcommands = {Key.Add.class, Key.List.class, Key.Revoke.class})
    static final class Key {
        @ParentCommand
        AkismetCommand akismet;

        Gazette open() {
            return Gazette.open(akismet.root.settings());
        }

        /** Prints a new key; it is shown this once. */
        @Command(name = "add", mixinStandardHelpOptions = true, description = "Make a key for a site and print it.")
        static final class Add implements Callable<Integer> {
            @ParentCommand
            Key key;

            @Option(names = "--site", required = true, paramLabel = "URL", description = "The site that will use the key.")
            String site;

            @Override
            public Integer call() {
                try (Gazette gazette = key.open()) {
                    System.out.println(gazette.apiKeys().add(site));
                    System.err.println("Keep this key: it is stored only as a hash and cannot be shown again.");
                    return 0;
                }
            }
        }

        /** Lists keys by prefix with their use. */
        @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys and their use.")
        static final class List implements Callable<Integer> {
            @ParentCommand
            Key key;

            @Override
            public Integer call() {
                try (Gazette gazette = key.open()) {
                    System.out.printf("%-8s %-8s %10s %8s %8s %7s %7s  %s%n", "prefix", "state", "checks", "spam", "ham",
                            "missed", "false+", "site");
                    for (ApiKey k : gazette.apiKeys().all()) {
                        System.out.printf("%-8s %-8s %10d %8d %8d %7d %7d  %s%n", k.prefix(),
                                k.active() ? "active" : "revoked", k.stats().checks(), k.stats().spam(), k.stats().ham(),
                                k.stats().missedSpam(), k.stats().falsePositives(), k.siteUrl());
                    }
                    return 0;
                }
            }
        }

        /** Revokes a key by the prefix that {@code list} shows. */
        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke the key with this prefix.")
        static final class Revoke implements Callable<Integer> {
            @ParentCommand
            Key key;

            @Parameters(paramLabel = "PREFIX", description = "The first characters of the key, as listed.")
            String prefix;

            @Override
            public Integer call() {
                try (Gazette gazette = key.open()) {
                    boolean revoked;
                    try {
                        revoked = gazette.apiKeys().revoke(prefix);
                    } catch (IllegalArgumentException ambiguous) {
                        System.err.println(ambiguous.getMessage());
                        return 1;
                    }
                    if (!revoked) {
                        System.err.println("No active key starts with " + prefix + "; see 'gazette akismet key list'.");
                        return 1;
                    }
                    System.out.println("Revoked the key " + prefix + "…");
                    return 0;
                }
            }
        }
    }
}
