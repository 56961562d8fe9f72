package dev.gazette.app;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedEx} in logback's pattern: the stack trace, with email addresses in its messages taken out. */
public final class MaskedThrowable extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogMask.mask(super.convert(event));
    }
}
