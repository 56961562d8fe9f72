package dev.gazette.app;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;

/**
 * The console's encoder: JSON lines when GAZETTE_LOG_FORMAT (or the system property gazette.log.format) is "json",
 * else text in the configured pattern; a misspelt value still logs, as text.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {
    private String pattern = "%msg%n";
    private Encoder<ILoggingEvent> chosen;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    static boolean json() {
        String format = System.getProperty("gazette.log.format", System.getenv("GAZETTE_LOG_FORMAT"));
        return format != null && format.strip().toLowerCase(Locale.ROOT).equals("json");
    }

    @Override
    public void start() {
        if (json()) {
            chosen = new JsonLinesEncoder();
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            chosen = text;
        }
        chosen.setContext(getContext());
        chosen.start();
        super.start();
    }

    @Override
    public void stop() {
        if (chosen != null) chosen.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return chosen.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return chosen.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return chosen.footerBytes();
    }
}
