package dev.gazette.app;

import picocli.CommandLine;

/** The {@code gazette} command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) System.exit(exit);
    }

    static CommandLine commandLine() {
        return new CommandLine(new GazetteCommand())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // A person can act on the message; the stack trace is for the log, not the terminal.
                    cmd.getErr().println("gazette: " + e.getMessage());
                    return 1;
                });
    }
}
