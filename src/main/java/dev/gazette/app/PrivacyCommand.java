package dev.gazette.app;

import dev.gazette.privacy.PersonalDataStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gazette privacy export|erase --email E}: a person's data requests, from the command line. */
@Command(name = "privacy", mixinStandardHelpOptions = true,
        description = "Answer a person's request for a copy or the erasure of their data.",
        subcommands = {PrivacyCommand.Export.class, PrivacyCommand.Erase.class})
public final class PrivacyCommand {
    @ParentCommand
    GazetteCommand root;

    /** Prints (or writes) everything stored under an email, as JSON. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export a person's data as JSON.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        PrivacyCommand privacy;

        @Option(names = "--email", required = true, description = "The person's email address.")
        String email;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON here instead of to standard output.")
        Path out;

        @Override
        public Integer call() throws Exception {
            try (Gazette gazette = Gazette.open(privacy.root.settings())) {
                String json = gazette.personalData().export(email);
                if (out == null) {
                    System.out.println(json);
                } else {
                    Files.writeString(out, json, StandardCharsets.UTF_8);
                    System.err.println("Wrote " + out);
                }
                return 0;
            }
        }
    }

    /** Erases everything stored under an email, keeping threads readable. */
    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Erase a person's replies; answered ones stay as \"[deleted]\".")
    static final class Erase implements Callable<Integer> {
        @ParentCommand
        PrivacyCommand privacy;

        @Option(names = "--email", required = true, description = "The person's email address.")
        String email;

        @Override
        public Integer call() {
            try (Gazette gazette = Gazette.open(privacy.root.settings())) {
                PersonalDataStore.Erasure done = gazette.personalData().erase(email);
                System.out.println("Erased: " + done.deleted() + " replies deleted, " + done.anonymized()
                        + " kept as \"[deleted]\" because others answered them.");
                return 0;
            }
        }
    }
}
