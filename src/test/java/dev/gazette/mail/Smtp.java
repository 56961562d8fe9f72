package dev.gazette.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a free loopback port, and ways to read what it received. */
final class Smtp implements AutoCloseable {
    final GreenMail server;

    private Smtp(GreenMail server) {
        this.server = server;
    }

    static Smtp start() {
        return startOn(0);
    }

    /** On a given port (0: a free one), as a server that comes back where it was. */
    static Smtp startOn(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new Smtp(server);
    }

    int port() {
        return server.getSmtp().getPort();
    }

    MailSettings settings() {
        return MailSettings.plain("127.0.0.1", port(), "newsroom@gazette.test");
    }

    /** Every mail received for this address, waiting up to ten seconds for at least {@code count}. */
    List<MimeMessage> await(String to, int count) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<MimeMessage> found = to(to);
            if (found.size() >= count || Instant.now().isAfter(until)) return found;
            sleep(50);
        }
    }

    List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
    }

    static List<String> recipients(MimeMessage m) {
        try {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part. */
    static String text(MimeMessage m) {
        return part(m, 0);
    }

    static String html(MimeMessage m) {
        return part(m, 1);
    }

    private static String part(MimeMessage m, int index) {
        try {
            MimeMultipart parts = (MimeMultipart) m.getContent();
            return (String) parts.getBodyPart(index).getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String raw(MimeMessage m) {
        return GreenMailUtil.getWholeMessage(m);
    }

    /** The first link in the text that starts with this path, made relative to the site. */
    static String link(MimeMessage m, String path) {
        Matcher found = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "\\S*)").matcher(text(m));
        if (!found.find()) throw new AssertionError("No link to " + path + " in:\n" + text(m));
        return found.group(1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
