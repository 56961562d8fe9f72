package dev.gazette.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What goes over the wire: names and subjects beyond ASCII encoded (RFC 2047), so every mail program reads them. */
class SmtpMailerTest {
    @Test
    void aUtf8SubjectAndSenderNameAreEncodedInTheHeadersAndReadBackUnchanged() throws Exception {
        SmtpMailer mailer = new SmtpMailer(MailSettings.plain("127.0.0.1", 25, "newsroom@gazette.test"),
                () -> "Gazette de Genève", Clock.systemUTC());
        OutgoingMail mail = OutgoingMail.of("zoe@readers.test", "reply", "Zoë answered you on “Três – ünïcode”",
                new MailBody().paragraph("Zoë wrote: ünïcode ✓"), "");
        MimeMessage message = mailer.message(mail, new InternetAddress("zoe@readers.test", true));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        message.writeTo(wire);
        byte[] bytes = wire.toByteArray();
        String raw = new String(bytes, StandardCharsets.US_ASCII);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));

        for (byte b : bytes) assertThat(b & 0xff).as("only 7-bit bytes on the wire").isLessThan(0x80);
        assertThat(headers).containsPattern("(?m)^Subject: =\\?UTF-8\\?[QB]\\?")
                .containsPattern("(?m)^From: =\\?UTF-8\\?[QB]\\?");

        MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
        assertThat(read.getSubject()).isEqualTo("Zoë answered you on “Três – ünïcode”");
        assertThat(((InternetAddress) read.getFrom()[0]).getPersonal()).isEqualTo("Gazette de Genève");
        assertThat(Smtp.text(read)).contains("Zoë wrote: ünïcode ✓");
        assertThat(read.getAllRecipients()).extracting(Object::toString).containsExactly("zoe@readers.test");
        assertThat(read.getSentDate()).as("the Date header, as setSentDate would write it").isNotNull()
                .isCloseTo(new Date(), 60_000);
    }

    @Test
    void aTextPartGoesOutByteForByteAsSetTextWritesIt() throws Exception {
        String longLine = "<p>" + "A story’s words, ".repeat(80) + "</p>";
        List<String> texts = List.of("Plain ASCII only.\n", "Zoë answered you on “Ferry times”:\n> It runs at 6:10\n",
                longLine, "Ζωή απάντησε: η γραμμή τρέχει στις 6:10 κάθε μέρα ✓\n", "");
        for (String text : texts) {
            for (String subtype : List.of("plain", "html")) {
                MimeBodyPart expected = new MimeBodyPart();
                expected.setText(text, "UTF-8", subtype);
                MimeBodyPart actual = SmtpMailer.part(text, "text/" + subtype + "; charset=UTF-8");
                assertThat(wire(actual)).as("%s: %s", subtype, text).isEqualTo(wire(expected));
            }
        }
    }

    private static String wire(MimeBodyPart part) throws Exception {
        MimeMultipart holder = new MimeMultipart("alternative");
        holder.addBodyPart(part);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setContent(holder);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
