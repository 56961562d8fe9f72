package dev.gazette.app;

import dev.gazette.account.Role;
import dev.gazette.account.StaffUser;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gazette user add --email E --role R}: the password comes from standard input, never an argument. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage staff accounts.",
        subcommands = UserCommand.Add.class)
public final class UserCommand {
    @ParentCommand
    GazetteCommand root;

    /** Adds a staff member. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a staff member. The password is read from standard input (typed, or piped).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Option(names = "--email", required = true, description = "Their email address; they sign in with it.")
        String email;

        @Option(names = "--role", required = true, description = "admin, editor or moderator.")
        String role;

        @Option(names = "--name", defaultValue = "", description = "The name shown in the newsroom (default: from the email).")
        String name;

        @Override
        public Integer call() throws IOException {
            Role parsed = Role.ofCode(role);
            String password = readPassword();
            try (Gazette gazette = Gazette.open(user.root.settings())) {
                StaffUser added = gazette.accounts().add(email, name, parsed, password);
                System.out.println("Added " + added.name() + " as " + added.role().code() + ".");
                return 0;
            }
        }

        private static String readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("Password: ");
                return typed == null ? "" : new String(typed);
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        }
    }
}
