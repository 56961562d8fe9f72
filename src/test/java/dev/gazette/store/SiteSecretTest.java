package dev.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Signatures are HMAC-SHA256 under the site's key, the same from any number of threads at once. */
class SiteSecretTest {
    // RFC 4231, test case 2.
    private final SiteSecret secret = SiteSecret.of("Jefe".getBytes(StandardCharsets.US_ASCII));
    private final String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of()
            .parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));

    @Test
    void signsWithHmacSha256() {
        assertThat(secret.sign("what do ya want for nothing?")).isEqualTo(expected);
        assertThat(secret.sign("what do ya want for nothing?")).as("the same again: no state kept between calls")
                .isEqualTo(expected);
        assertThat(secret.verify("what do ya want for nothing?", expected)).isTrue();
        assertThat(secret.verify("what do ya want for something?", expected)).isFalse();
    }

    @Test
    void signsTheSameFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 2_000)
                    .mapToObj(i -> pool.submit(() -> secret.sign("what do ya want for nothing?").equals(expected)
                            && secret.sign("token " + i).equals(secret.sign("token " + i))))
                    .toList();
            for (Future<Boolean> r : results) assertThat(r.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
