package dev.gazette.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compresses a shared page once, when it is cached, in the encodings browsers ask for: gzip always, Brotli where its
 * native library loads (brotli4j ships one per platform). Every copy sent afterwards reuses the bytes; gzip at its best
 * level costs little, Brotli at its higher levels a great deal (see its quality).
 */
final class Compression {
    private static final Logger log = LoggerFactory.getLogger(Compression.class);
    /** Below this, the headers cost more than compression saves. */
    static final int MIN_BYTES = 512;
    private static final boolean BROTLI = loadBrotli();
    // Quality 6, not 9: on a 35 KB page, 9 took 33 ms of CPU and 6 took 2 ms for 0.15% more bytes (measured on
    // this machine). Every first reader after a change or a cold start waits for this, so the cheap one wins.
    private static final Encoder.Parameters BROTLI_QUALITY = new Encoder.Parameters().setQuality(6);

    private Compression() {}

    static boolean brotliAvailable() {
        return BROTLI;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: never happens
        }
        return out.toByteArray();
    }

    /** The Brotli bytes, or an empty array where Brotli is not available. */
    static byte[] brotli(byte[] body) {
        if (!BROTLI) return new byte[0];
        try {
            return Encoder.compress(body, BROTLI_QUALITY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean loadBrotli() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable e) { // an UnsatisfiedLinkError on a platform without its native library
            log.info("Brotli is not available on this platform ({}); pages are sent with gzip", e.toString());
            return false;
        }
    }
}
