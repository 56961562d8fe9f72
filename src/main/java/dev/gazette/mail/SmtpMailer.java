package dev.gazette.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.StreamProvider;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Sends mails over SMTP with Jakarta Mail (Eclipse Angus): one connection carries a whole batch. */
public final class SmtpMailer {
    private static final String TIMEOUT_MS = "15000";
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    /**
     * Jakarta Mail looks its StreamProvider up again for every body part, multipart, encoded word and write: several
     * times per mail, each a ServiceLoader search of the class path (a sixth of the sender's CPU in a profile of
     * MailBench's sender). Named by this property, it is made by name instead. Set only if nobody set it.
     */
    static {
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /**
     * Times the writes of every connection. Without it each connection starts a thread of its own for that, not a
     * daemon: a connection kept open between batches would keep the JVM from ending, and each new one paid a thread.
     */
    private static final ScheduledExecutorService WRITE_TIMEOUTS = writeTimeouts();

    private static ScheduledExecutorService writeTimeouts() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runner -> {
            Thread t = new Thread(runner, "mail-write-timeouts");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true); // a write that ends in time cancels its timeout: do not keep it queued
        return timer;
    }

    private final MailSettings settings;
    private final Supplier<String> siteName;
    private final Clock clock;
    private final Session session;
    private volatile Sender sender;
    private static final ThreadLocal<MailDateFormat> DATES = ThreadLocal.withInitial(MailDateFormat::new);

    /** @param siteName the site's name, read for every batch: it is the sender's name readers see */
    public SmtpMailer(MailSettings settings, Supplier<String> siteName, Clock clock) {
        this.settings = settings;
        this.siteName = siteName;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(MailSettings s) {
        String protocol = s.tls() == MailSettings.Tls.TLS ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", s.host());
        props.put(p + "port", String.valueOf(s.port()));
        props.put(p + "connectiontimeout", TIMEOUT_MS);
        props.put(p + "timeout", TIMEOUT_MS);
        props.put(p + "writetimeout", TIMEOUT_MS);
        props.put(p + "executor.writetimeout", WRITE_TIMEOUTS);
        props.put(p + "auth", String.valueOf(!s.user().isEmpty()));
        props.put("mail.mime.charset", "UTF-8");
        // Message-IDs end in the site's own domain rather than this machine's name.
        props.put("mail.from", s.from());
        if (s.tls() == MailSettings.Tls.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (s.tls() != MailSettings.Tls.NONE) props.put(p + "ssl.checkserveridentity", "true");
        return props;
    }

    /** Connects and signs in; the caller sends through the connection and closes it. */
    public Connection open() throws MessagingException {
        Transport transport = session.getTransport();
        if (settings.user().isEmpty()) {
            transport.connect();
        } else {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
        }
        return new Connection(transport);
    }

    /** The sender as readers see it, made again only when the site's name changed: a connection may live long. */
    private InternetAddress sender() throws MessagingException {
        String name = siteName.get();
        Sender last = sender;
        if (last != null && last.name().equals(name)) return last.address();
        try {
            InternetAddress address = new InternetAddress(settings.from(), name, StandardCharsets.UTF_8.name());
            sender = new Sender(name, address);
            return address;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is part of every JDK", e);
        }
    }

    private record Sender(String name, InternetAddress address) {}

    /**
     * The Date header, as setSentDate writes it, but from a formatter of this thread's: setSentDate formats with one
     * shared, synchronized MailDateFormat for every mail.
     */
    private String date() {
        return DATES.get().format(Date.from(clock.instant()));
    }

    /** The message as it goes out: both parts, encoded names and subject, and the unsubscribe headers. */
    MimeMessage message(OutgoingMail m, InternetAddress to) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(sender());
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(m.subject(), "UTF-8");
        message.setHeader("Date", date());
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part(m.text(), "text/plain; charset=UTF-8"));
        alternative.addBodyPart(part(m.html(), "text/html; charset=UTF-8"));
        message.setContent(alternative);
        // Tells mail servers and holiday auto-repliers that no person wrote it.
        message.setHeader("Auto-Submitted", "auto-generated");
        if (!m.unsubscribeUrl().isEmpty()) {
            message.setHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.saveChanges();
        return message;
    }

    /**
     * A text part from its UTF-8 bytes, as setText would make it (same headers, same transfer encoding, chosen by
     * Jakarta Mail from the bytes), but written by copying the bytes: setText's content is written through a
     * DataContentHandler that Jakarta Activation finds in its mailcap registry and makes anew, reflectively, for every
     * part of every mail.
     */
    static MimeBodyPart part(String text, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(text.getBytes(StandardCharsets.UTF_8), type)));
        return part;
    }

    /** A failure in words fit for a log or the newsroom: any address in the server's answer is left out. */
    static String describe(Exception e) {
        StringBuilder why = new StringBuilder();
        for (Throwable t = e; t != null && why.length() < 400; t = t.getCause()) {
            if (t.getMessage() == null || t.getMessage().isBlank()) continue;
            if (why.length() > 0) why.append(": ");
            why.append(t.getMessage().strip());
        }
        String text = why.length() == 0 ? e.getClass().getSimpleName() : why.toString();
        text = ADDRESS.matcher(text.replaceAll("\\s+", " ")).replaceAll("(an address)");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** One open SMTP connection. */
    public final class Connection implements AutoCloseable {
        private final Transport transport;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        public void send(OutgoingMail m) throws MessagingException {
            InternetAddress to = new InternetAddress(m.to(), true);
            // The address as made, not parsed back from the To header the message now carries.
            transport.sendMessage(message(m, to), new Address[] {to});
        }

        public boolean connected() {
            return transport.isConnected();
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // The mails were handed over already; a failed QUIT loses nothing.
            }
        }
    }
}
