package dev.gazette.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gazette serve}: runs the site until SIGTERM or Ctrl-C, then shuts down cleanly. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the site (the default command).")
public final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    GazetteCommand root;

    public ServeCommand() {}

    ServeCommand(GazetteCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        Gazette gazette = Gazette.open(root.settings());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gazette.close();
            stopped.countDown();
        }, "gazette-shutdown"));
        String url = gazette.serve();
        System.out.println("Gazette is serving " + url);
        if (!gazette.accounts().hasAdmin()) {
            System.out.println("No admin yet. Create one within a day at " + url + "admin/setup?token="
                    + gazette.accounts().setupToken() + "  (or: gazette user add --email E --role admin)");
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
