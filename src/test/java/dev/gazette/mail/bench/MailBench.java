package dev.gazette.mail.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gazette.mail.MailBody;
import dev.gazette.mail.MailSettings;
import dev.gazette.mail.Outbox;
import dev.gazette.mail.OutboxJob;
import dev.gazette.mail.OutgoingMail;
import dev.gazette.mail.SmtpMailer;
import dev.gazette.store.Database;
import jakarta.mail.util.StreamProvider;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * For bench/mail: {@code smtp PORT} runs a GreenMail SMTP server on loopback until stopped and then prints how many
 * mails it received; {@code outbox N} fills a fresh SQLite outbox with N mails and times the sender emptying it into
 * a GreenMail server started here; {@code silent PORT} takes connections and never greets, so the site's sender waits
 * on its first batch (its read timeout) while the outbox only fills: the cost of the writes alone.
 */
public final class MailBench {
    private MailBench() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "smtp" -> smtp(Integer.parseInt(args[1]));
            case "outbox" -> outbox(Integer.parseInt(args[1]));
            case "silent" -> silent(Integer.parseInt(args[1]));
            case "sender" -> sender(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("smtp PORT | silent PORT | outbox N | sender N PORT");
        }
    }

    private static void smtp(int port) throws InterruptedException {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("SMTP_RECEIVED " + server.getReceivedMessages().length);
            server.stop();
            stop.countDown();
        }));
        System.out.println("SMTP_READY " + port);
        stop.await();
    }

    private static void silent(int port) throws IOException {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("SMTP_READY " + port);
            while (true) held.add(server.accept());
        }
    }

    /** This JVM's CPU per mail written to the outbox, and per mail sent to the SMTP server at PORT (another process). */
    private static void sender(int n, int port) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path dir = Files.createTempDirectory("gazette-mail-bench");
        try (Database db = Database.open(Database.sqliteUrl(dir))) {
            Outbox outbox = new Outbox(db);
            Clock clock = Clock.systemUTC();
            SmtpMailer mailer = new SmtpMailer(MailSettings.plain("127.0.0.1", port, "newsroom@gazette.test"),
                    () -> "Bench Gazette", clock);
            OutboxJob job = new OutboxJob(outbox, mailer, clock, OutboxJob.Retries.defaults());
            // Alternating, in one run: Jakarta Mail's StreamProvider named by its property (as SmtpMailer sets it) and
            // looked up on the class path at each use (the property cleared).
            String named = System.getProperty(StreamProvider.class.getName());
            for (int round = 0; round < 7; round++) {
                boolean lookup = round % 2 == 0;
                if (lookup) System.clearProperty(StreamProvider.class.getName());
                else System.setProperty(StreamProvider.class.getName(), named);
                long cpu0 = os.getProcessCpuTime();
                fill(outbox, n, clock);
                long cpu1 = os.getProcessCpuTime();
                long start = System.nanoTime();
                int sent = job.runOnce();
                long cpu2 = os.getProcessCpuTime();
                System.out.printf("SENDER round %d%s, StreamProvider %s: write %.3f ms CPU/mail | send %.3f ms CPU/mail,"
                        + " %d mails in %.2f s%n", round, round == 0 ? " (warm-up)" : "", lookup ? "looked up" : "named",
                        (cpu1 - cpu0) / 1e6 / n, (cpu2 - cpu1) / 1e6 / sent,
                        sent, (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static void outbox(int n) throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        Path dir = Files.createTempDirectory("gazette-mail-bench");
        try (Database db = Database.open(Database.sqliteUrl(dir))) {
            Outbox outbox = new Outbox(db);
            Clock clock = Clock.systemUTC();
            SmtpMailer mailer = new SmtpMailer(MailSettings.plain("127.0.0.1", server.getSmtp().getPort(),
                    "newsroom@gazette.test"), () -> "Bench Gazette", clock);
            // Warm-up: the JIT, the connection, the first statements.
            fill(outbox, 200, clock);
            new OutboxJob(outbox, mailer, clock, OutboxJob.Retries.defaults()).runOnce();
            // One connection at a time (as before) against several at once, alternating, in one run.
            int[] modes = {1, OutboxJob.CONNECTIONS};
            double[][] rates = new double[2][2];
            for (int round = 0; round < 2; round++) {
                for (int m = 0; m < modes.length; m++) {
                    fill(outbox, n, clock);
                    OutboxJob job = new OutboxJob(outbox, mailer, clock, OutboxJob.Retries.defaults(), modes[m]);
                    long start = System.nanoTime();
                    int sent = job.runOnce();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    rates[m][round] = sent / seconds;
                    System.out.printf("round %d, %d connection(s): sent %d of %d mails in %.2f s: %.0f mails/s%n",
                            round + 1, modes[m], sent, n, seconds, sent / seconds);
                }
            }
            double one = (rates[0][0] + rates[0][1]) / 2;
            double many = (rates[1][0] + rates[1][1]) / 2;
            System.out.printf("OUTBOX mails/s  1 connection %.0f | %d connections %.0f | ratio %.2f (SMTP server"
                    + " received %d in all)%n", one, modes[1], many, many / one, server.getReceivedMessages().length);
        } finally {
            server.stop();
        }
    }

    private static void fill(Outbox outbox, int n, Clock clock) {
        for (int i = 0; i < n; i++) {
            outbox.add(OutgoingMail.of("reader" + i + "@readers.test", "reply", "Zoë answered you on “Ferry times”",
                    new MailBody().paragraph("Zoë answered your reply:").quote("It runs at 6:10 on weekdays, number " + i)
                            .link("Read it", "http://localhost/articles/ferry#comment-" + i)
                            .footer("Stop: http://localhost/mail/unsubscribe?s=" + i + "&k=x"),
                    "http://localhost/mail/unsubscribe?s=" + i + "&k=x"), clock.instant());
        }
    }
}
