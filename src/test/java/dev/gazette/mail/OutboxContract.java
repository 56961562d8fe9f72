package dev.gazette.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.HandClock;
import dev.gazette.store.Database;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox and its sender against a real SMTP server, run once per database dialect. */
abstract class OutboxContract {
    static final OutboxJob.Retries RETRIES = new OutboxJob.Retries(Duration.ofSeconds(10), Duration.ofSeconds(40), 4);

    final HandClock clock = new HandClock();
    String url;
    Database db;
    Outbox outbox;

    /** The address of a new, empty database. */
    abstract String freshUrl();

    @BeforeEach
    void open() {
        url = freshUrl();
        db = Database.open(url);
        outbox = new Outbox(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    OutboxJob job(int port) {
        return new OutboxJob(outbox, new SmtpMailer(MailSettings.plain("127.0.0.1", port, "newsroom@gazette.test"),
                () -> "Test Gazette", clock), clock, RETRIES);
    }

    static OutgoingMail mail(String to, String subject) {
        return OutgoingMail.of(to, "reply", subject, new MailBody().paragraph("Hello " + to), "");
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void sendsEachMailOnceToItsOwnRecipientAndEmptiesTheOutbox() {
        try (Smtp smtp = Smtp.start()) {
            outbox.add(mail("a@readers.test", "One"), clock.instant());
            outbox.add(mail("b@readers.test", "Two"), clock.instant());
            outbox.add(mail("c@readers.test", "Três – ünïcode"), clock.instant());

            assertThat(job(smtp.port()).runOnce()).isEqualTo(3);
            assertThat(job(smtp.port()).runOnce()).isZero();

            assertThat(smtp.server.getReceivedMessages()).hasSize(3);
            for (MimeMessage m : smtp.server.getReceivedMessages()) assertThat(Smtp.recipients(m)).hasSize(1);
            assertThat(smtp.to("c@readers.test").get(0)).satisfies(m -> assertThat(m.getSubject()).isEqualTo("Três – ünïcode"));
            assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 0));
        }
    }

    /** A sender on one connection at a time whose connections are counted as they are opened. */
    OutboxJob countingJob(int port, AtomicInteger opened) {
        SmtpMailer mailer = new SmtpMailer(MailSettings.plain("127.0.0.1", port, "newsroom@gazette.test"),
                () -> "Test Gazette", clock);
        return new OutboxJob(outbox, () -> {
            opened.incrementAndGet();
            return mailer.open();
        }, clock, RETRIES, 1);
    }

    @Test
    void oneConnectionCarriesRunAfterRunWhileMailKeepsComingAndIsClosedOnceNoneIsDue() {
        try (Smtp smtp = Smtp.start()) {
            AtomicInteger opened = new AtomicInteger();
            OutboxJob job = countingJob(smtp.port(), opened);
            for (int run = 0; run < 3; run++) {
                outbox.add(mail("r" + run + "@readers.test", "Run " + run), clock.instant());
                assertThat(job.runOnce()).isEqualTo(1);
            }
            assertThat(opened).as("connect, greeting and EHLO once for three runs").hasValue(1);

            assertThat(job.runOnce()).as("nothing due: the connection is closed").isZero();
            outbox.add(mail("late@readers.test", "Later"), clock.instant());
            assertThat(job.runOnce()).isEqualTo(1);
            assertThat(opened).hasValue(2);
            assertThat(smtp.server.getReceivedMessages()).hasSize(4);
            assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 0));
        }
    }

    @Test
    void aKeptConnectionTheServerDroppedMeanwhileCostsTheNextMailNoAttempt() throws Exception {
        int port = freePort();
        AtomicInteger opened = new AtomicInteger();
        OutboxJob job = countingJob(port, opened);
        try (Smtp smtp = Smtp.startOn(port)) {
            outbox.add(mail("a@readers.test", "Before"), clock.instant());
            assertThat(job.runOnce()).isEqualTo(1);
        }
        try (Smtp smtp = Smtp.startOn(port)) {
            outbox.add(mail("b@readers.test", "After the restart"), clock.instant());
            assertThat(job.runOnce()).as("sent on a new connection at once, not held over").isEqualTo(1);
            assertThat(opened).hasValue(2);
            assertThat(smtp.to("b@readers.test")).hasSize(1);
            assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 0));
        }
    }

    @Test
    void aServerThatRefusesGetsTheMailAgainAfterTheWaitAndNoSooner() throws Exception {
        int port;
        try (RefusingSmtp refusing = new RefusingSmtp(0)) {
            port = refusing.port();
            outbox.add(mail("a@readers.test", "Held over"), clock.instant());
            assertThat(job(port).runOnce()).isZero();
        }
        Outbox.Queued waiting = outbox.waitingAndFailed(10).get(0);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("421").doesNotContain("a@readers.test");
        assertThat(waiting.nextAttempt()).isEqualTo(clock.instant().plus(RETRIES.firstWait()));

        try (Smtp smtp = Smtp.startOn(port)) {
            assertThat(job(port).runOnce()).as("not due yet").isZero();
            clock.advance(RETRIES.firstWait());
            assertThat(job(port).runOnce()).isEqualTo(1);
            assertThat(smtp.to("a@readers.test")).hasSize(1);
        }
        assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 0));
    }

    @Test
    void aServerDownForAWhileMeansGrowingWaitsThenDeliveryOrAFailureShownAndRetried() throws Exception {
        int port = freePort();
        outbox.add(mail("a@readers.test", "Patience"), clock.instant());
        OutboxJob job = job(port);
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(job.runOnce()).isZero();
            Outbox.Queued q = outbox.waitingAndFailed(1).get(0);
            waits.add(Duration.between(clock.instant(), q.nextAttempt()));
            clock.advance(waits.get(i));
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40));

        assertThat(job.runOnce()).isZero();
        Outbox.Queued given = outbox.waitingAndFailed(1).get(0);
        assertThat(given.failed()).isTrue();
        assertThat(given.attempts()).isEqualTo(RETRIES.attempts());
        assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 1));
        clock.advance(Duration.ofHours(1));
        assertThat(job.runOnce()).as("a failed mail waits for a person").isZero();

        try (Smtp smtp = Smtp.startOn(port)) {
            assertThat(outbox.retryFailed(clock.instant())).isEqualTo(1);
            assertThat(job.runOnce()).isEqualTo(1);
            assertThat(smtp.to("a@readers.test")).hasSize(1);
        }
    }

    @Test
    void whatWaitsSurvivesARestartAndIsSentAfterIt() {
        outbox.add(mail("a@readers.test", "Across a restart"), clock.instant());
        db.close();
        db = Database.open(url);
        outbox = new Outbox(db);
        try (Smtp smtp = Smtp.start()) {
            assertThat(job(smtp.port()).runOnce()).isEqualTo(1);
            assertThat(smtp.to("a@readers.test")).hasSize(1);
        }
    }

    @Test
    void aClaimedMailIsNotClaimedAgainUntilItsLeaseEnds() {
        for (int i = 0; i < 3; i++) outbox.add(mail("r" + i + "@readers.test", "Mail " + i), clock.instant());
        List<Outbox.Queued> first = outbox.claim(clock.instant(), Duration.ofMinutes(5), 2);
        List<Outbox.Queued> second = outbox.claim(clock.instant(), Duration.ofMinutes(5), 2);
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).id()).isNotIn(first.stream().map(Outbox.Queued::id).toList());
        clock.advance(Duration.ofMinutes(5));
        assertThat(outbox.claim(clock.instant(), Duration.ofMinutes(5), 10)).hasSize(3);
    }
}
