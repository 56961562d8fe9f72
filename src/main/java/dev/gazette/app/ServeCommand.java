package dev.gazette.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gazette serve}: runs the site until SIGTERM or Ctrl-C, then shuts down cleanly. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the site (the default command).")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    GazetteCommand root;

    public ServeCommand() {}

    ServeCommand(GazetteCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        Settings settings = root.settings();
        Gazette gazette = Gazette.open(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping: no new requests are taken; those in flight have up to {} s to be answered",
                    settings.ops().drainTimeout().toSeconds());
            gazette.close();
            log.info("Stopped");
            stopped.countDown();
        }, "gazette-shutdown"));
        String url = gazette.serve();
        log.info("Serving {}", url);
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
