package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LowRateJettyTest {
    @Test
    void theSiteServesFromThePoolWithoutReservedThreads() {
        assertThat(LowRateJetty.threadPool().getReservedThreads()).isZero();
        try (TestSite site = TestSite.start(false, g -> {})) {
            assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
            // The pool's threads carry its name; Javalin's own pool's would be JettyServerThreadPool-N.
            assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                    .anyMatch(name -> name.startsWith(LowRateJetty.NAME + "-"));
        }
    }
}
