package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console encoder: JSON lines when asked for, text otherwise, and no email address in either. */
class LogEncoderTest {
    static final String PATTERN = "%-5level %logger - %maskedMsg%n%maskedEx";

    @AfterEach
    void reset() {
        System.clearProperty("gazette.log.format");
    }

    private static String encode(String format) {
        if (format != null) System.setProperty("gazette.log.format", format);
        LoggerContext context = new LoggerContext();
        context.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY, new java.util.HashMap<>(java.util.Map.of(
                "maskedMsg", MaskedMessage.class.getName(), "maskedEx", MaskedThrowable.class.getName())));
        LogEncoder encoder = new LogEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("dev.gazette.comment.Comments"), Level.WARN,
                "Reply from {} not saved", new IllegalStateException("duplicate key for Ada.Lovelace+news@mail.example.co.uk"),
                new Object[] {"reader@example.org"});
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesCarryOneObjectPerEventWithEmailsMasked() throws Exception {
        String line = encode("JSON");
        assertThat(line).endsWith("\n").doesNotContain("@example.org").doesNotContain("mail.example.co.uk");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("WARN");
        assertThat(json.path("logger").asText()).isEqualTo("dev.gazette.comment.Comments");
        assertThat(json.path("message").asText()).isEqualTo("Reply from [email] not saved");
        assertThat(json.path("error").asText()).startsWith("java.lang.IllegalStateException: duplicate key for [email]");
        assertThat(json.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void textIsTheDefaultAndAMisspeltFormatAlsoMasksEmails() {
        for (String format : new String[] {null, "jsno"}) {
            String text = encode(format);
            assertThat(text).startsWith("WARN  dev.gazette.comment.Comments - Reply from [email] not saved")
                    .contains("IllegalStateException: duplicate key for [email]").doesNotContain("@");
        }
    }
}
