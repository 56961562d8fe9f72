package dev.gazette.mail;

import java.util.Locale;

/**
 * How the site reaches its SMTP server. Without a host, mail is off and the site works as it would without it.
 * {@link #toString()} leaves the password out, so printing the settings never shows it.
 *
 * @param digestMinutes the shortest time between two mails to one moderator about held replies
 */
public record MailSettings(String host, int port, Tls tls, String user, String password, String from,
                           int digestMinutes) {

    /** How the connection to the SMTP server is protected. */
    public enum Tls {
        /** Plain SMTP (a relay on the same machine). */
        NONE(25),
        /** Plain at first, then upgraded by STARTTLS; refused if the server cannot. */
        STARTTLS(587),
        /** TLS from the first byte (SMTPS). */
        TLS(465);

        private final int defaultPort;

        Tls(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }

        public static Tls parse(String key, String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " must be none, starttls or tls, not '" + value + "'");
            }
        }
    }

    public MailSettings {
        host = host.strip();
        user = user.strip();
        from = from.strip();
    }

    /** Mail off: what a site without {@code mail.host} runs with. */
    public static MailSettings off() {
        return new MailSettings("", 25, Tls.NONE, "", "", "", 10);
    }

    /** A plain SMTP server without sign-in, as tests and the benchmark run on loopback. */
    public static MailSettings plain(String host, int port, String from) {
        return new MailSettings(host, port, Tls.NONE, "", "", from, 10);
    }

    public boolean enabled() {
        return !host.isEmpty();
    }

    public MailSettings withDigestMinutes(int minutes) {
        return new MailSettings(host, port, tls, user, password, from, minutes);
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "(set)") + ", from=" + from + ", digestMinutes=" + digestMinutes + "]";
    }
}
