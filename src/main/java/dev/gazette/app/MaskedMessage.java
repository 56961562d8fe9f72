package dev.gazette.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedMsg} in logback's pattern: the message with email addresses taken out. */
public final class MaskedMessage extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogMask.mask(event.getFormattedMessage());
    }
}
