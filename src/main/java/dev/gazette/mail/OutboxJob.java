package dev.gazette.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds. Each {@link #runOnce()} sends every mail that is due and returns; whoever drives it (a
 * timer, a scheduler that runs jobs on one node) decides when. A mail the server did not take is tried again after a
 * wait that doubles each time, and given up on (shown as failed) after the last try. While mail keeps coming, the
 * connections stay open from one batch and one run to the next; a run that finds nothing due closes them.
 * Nothing here runs in a reader's request.
 */
public final class OutboxJob {
    private static final Logger log = LoggerFactory.getLogger(OutboxJob.class);
    private static final int BATCH = 50;
    /** SMTP connections at once while much is due: few enough for any relay's limit per client. */
    public static final int CONNECTIONS = 4;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final Outbox outbox;
    private final Connector mailer;
    /** Connections whose last batch went well, for the next batch: no connect, greeting, EHLO and QUIT each time. */
    private final Deque<SmtpMailer.Connection> idle = new ConcurrentLinkedDeque<>();
    private final Clock clock;
    private final Retries retries;
    private final int connections;

    public OutboxJob(Outbox outbox, SmtpMailer mailer, Clock clock, Retries retries) {
        this(outbox, mailer, clock, retries, CONNECTIONS);
    }

    /** @param connections how many SMTP connections send at once while more than a batch is due (bench/mail compares) */
    public OutboxJob(Outbox outbox, SmtpMailer mailer, Clock clock, Retries retries, int connections) {
        this(outbox, mailer::open, clock, retries, connections);
    }

    OutboxJob(Outbox outbox, Connector mailer, Clock clock, Retries retries, int connections) {
        this.connections = connections;
        this.outbox = outbox;
        this.mailer = mailer;
        this.clock = clock;
        this.retries = retries;
    }

    /** Opens a new SMTP connection (a test counts them). */
    interface Connector {
        SmtpMailer.Connection open() throws MessagingException;
    }

    /**
     * How often and how patiently to try: the first wait, the longest, and how many tries in all.
     */
    public record Retries(Duration firstWait, Duration longestWait, int attempts) {
        /** A minute, doubling to six hours, 12 tries: about two days before a mail shows as failed. */
        public static Retries defaults() {
            return new Retries(Duration.ofMinutes(1), Duration.ofHours(6), 12);
        }

        Duration after(int attemptsSoFar) {
            Duration wait = firstWait.multipliedBy(1L << Math.min(30, Math.max(0, attemptsSoFar - 1)));
            return wait.compareTo(longestWait) > 0 ? longestWait : wait;
        }
    }

    /**
     * Sends every mail now due; stops at the first trouble with the server. Returns how many were sent. While more
     * than a batch is due, up to {@link #CONNECTIONS} connections (by default) send at once: each mail waits for several answers
     * from the server (MAIL, RCPT, DATA, the end of the data), and other connections fill those waits.
     */
    public int runOnce() {
        List<Outbox.Queued> first = outbox.claim(clock.instant(), LEASE, BATCH);
        if (first.isEmpty()) {
            closeIdle();
            return 0;
        }
        AtomicBoolean trouble = new AtomicBoolean();
        if (first.size() < BATCH) return drain(first, trouble);
        List<CompletableFuture<Integer>> helpers = new ArrayList<>();
        for (int i = 1; i < connections; i++) {
            helpers.add(CompletableFuture.supplyAsync(() -> drain(claim(trouble), trouble), runner -> {
                Thread t = new Thread(runner, "mail-outbox-" + runner.hashCode());
                t.setDaemon(true);
                t.start();
            }));
        }
        int sent = drain(first, trouble);
        for (CompletableFuture<Integer> helper : helpers) sent += helper.join();
        return sent;
    }

    /** Closes the connections kept open: the mail stopped coming (or the site stops). */
    public void closeIdle() {
        for (SmtpMailer.Connection c; (c = idle.poll()) != null; ) c.close();
    }

    /** A connection kept from an earlier batch if the server still answers on it (a NOOP), else a new one. */
    private SmtpMailer.Connection connection() throws MessagingException {
        for (SmtpMailer.Connection c; (c = idle.poll()) != null; ) {
            if (c.connected()) return c;
            c.close();
        }
        return mailer.open();
    }

    private List<Outbox.Queued> claim(AtomicBoolean trouble) {
        return trouble.get() ? List.of() : outbox.claim(clock.instant(), LEASE, BATCH);
    }

    /** Sends this batch and the next ones claimed, over one connection each, until none is due or trouble came. */
    private int drain(List<Outbox.Queued> batch, AtomicBoolean trouble) {
        int sent = 0;
        while (!batch.isEmpty()) {
            int done = send(batch);
            sent += done;
            if (done < batch.size()) trouble.set(true);
            batch = claim(trouble);
        }
        return sent;
    }

    /** Sends a claimed batch; returns how many the server took. */
    private int send(List<Outbox.Queued> batch) {
        List<Long> sent = new ArrayList<>();
        SmtpMailer.Connection connection;
        try {
            connection = connection();
        } catch (MessagingException | RuntimeException e) {
            String why = SmtpMailer.describe(e);
            log.warn("The mail server did not answer ({}); {} mails wait for the next try", why, batch.size());
            List<Outbox.Retry> later = new ArrayList<>();
            for (Outbox.Queued q : batch) {
                int attempts = q.attempts() + 1;
                if (attempts >= retries.attempts()) {
                    failed(q, why);
                } else {
                    later.add(new Outbox.Retry(q.id(), attempts, clock.instant().plus(retries.after(attempts)), why));
                }
            }
            outbox.retryLater(later);
            return 0;
        }
        int index = 0;
        boolean keep = false;
        boolean lost = false;
        try {
            for (; index < batch.size(); index++) {
                Outbox.Queued q = batch.get(index);
                try {
                    connection.send(q.mail());
                    sent.add(q.id());
                } catch (SendFailedException e) {
                    // This recipient was refused; the connection still serves the others.
                    failed(q, SmtpMailer.describe(e));
                    if (!connection.connected()) {
                        lost = true;
                        index++;
                        break;
                    }
                }
            }
            keep = !lost;
        } catch (MessagingException | RuntimeException e) {
            String why = SmtpMailer.describe(e);
            log.warn("The mail server stopped taking mails ({}); the rest wait for the next try", why);
            failed(batch.get(index), why);
            index++;
        } finally {
            outbox.sent(sent);
            if (keep) {
                idle.push(connection);
            } else {
                connection.close();
            }
        }
        List<Long> untried = new ArrayList<>();
        for (int i = index; i < batch.size(); i++) {
            if (!sent.contains(batch.get(i).id())) untried.add(batch.get(i).id());
        }
        outbox.release(untried);
        return sent.size();
    }

    private void failed(Outbox.Queued q, String why) {
        int attempts = q.attempts() + 1;
        if (attempts >= retries.attempts()) {
            log.warn("Mail #{} ({}) given up after {} tries: {}", q.id(), q.mail().kind(), attempts, why);
            outbox.giveUp(q.id(), attempts, why);
        } else {
            Instant next = clock.instant().plus(retries.after(attempts));
            outbox.retryLater(q.id(), attempts, next, why);
        }
    }
}
