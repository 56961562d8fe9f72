package dev.gazette.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.web.Browser;
import dev.gazette.web.TestSite;
import dev.gazette.web.TrustedProxies;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /metrics}: closed by default, open with the token or from a listed address, and saying what matters. */
class MetricsHttpTest {
    static final String ARTICLE = "/articles/harbour-city-switches-on-its-tidal-barrier-after-a-decade-of-delays";

    private static TestSite site(String token, String from) throws Exception {
        return TestSite.on(null, Files.createTempDirectory("gazette-metrics"),
                new OpsSettings(Duration.ofSeconds(5), 0, token, TrustedProxies.parse("metrics.from", from)));
    }

    @Test
    void closedToEveryoneByDefault() throws Exception {
        try (TestSite site = site("", "")) {
            assertThat(site.get("/metrics").statusCode()).isEqualTo(403);
            assertThat(site.get("/metrics", "Authorization", "Bearer ").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void theTokenOpensItAndItCountsRequestsByRouteVerdictsRepliesAndThePool() throws Exception {
        try (TestSite site = site("s3cret-scrape-token", "")) {
            assertThat(site.get("/metrics", "Authorization", "Bearer wrong-token").statusCode()).isEqualTo(403);
            Browser reader = new Browser(site);
            Map<String, String> form = new HashMap<>(Browser.fields(reader.page(ARTICLE), "form.reply-form"));
            form.put("comment", "Good to see the old quarter dry for once this spring.");
            form.put("author", "Ines Park");
            form.put("email", "ines@example.org");
            assertThat(reader.post(ARTICLE + "/comments", form).statusCode()).isEqualTo(303);
            site.get("/no-such-page");

            HttpResponse<String> metrics = site.get("/metrics", "Authorization", "Bearer s3cret-scrape-token");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(metrics.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
            String text = metrics.body();
            assertThat(text).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/articles/{slug}\",status=\"200\"}")
                    .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/articles/{slug}/comments\",status=\"303\"}")
                    .contains("route=\"unmatched\",status=\"404\"")
                    .contains("http_server_requests_seconds_bucket{")
                    .doesNotContain("harbour-city-switches");
            assertThat(text).containsPattern("gazette_shield_verdicts_total\\{decision=\"(ham|spam)\"} 1.0");
            assertThat(text).containsPattern("gazette_replies\\{state=\"pending\"} 1.0")
                    .containsPattern("gazette_replies\\{state=\"approved\"} 0.0")
                    .containsPattern("gazette_moderation_queue 1.0")
                    .containsPattern("gazette_feeds_failing 0.0");
            assertThat(text).contains("hikaricp_connections_active{pool=\"gazette\"}")
                    .contains("hikaricp_connections_max{pool=\"gazette-writer\"} 1.0");
            assertThat(text).doesNotContain("ines@example.org");
        }
    }

    @Test
    void pagesTheEdgeAnswersBeforeTheRoutesCountUnderTheirRoute() throws Exception {
        try (TestSite site = site("s3cret-scrape-token", "")) {
            long edgeBefore = site.gazette().pageCache().edgeHits();
            for (int i = 0; i < 3; i++) assertThat(site.get(ARTICLE).statusCode()).isEqualTo(200);
            String etag = site.get(ARTICLE).headers().firstValue("ETag").orElseThrow();
            assertThat(site.get(ARTICLE, "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(site.gazette().pageCache().edgeHits() - edgeBefore)
                    .as("readers without cookies after the first got the kept page").isPositive();

            String text = site.get("/metrics", "Authorization", "Bearer s3cret-scrape-token").body();
            assertThat(text).as("every answer counted, the edge's included")
                    .containsPattern("http_server_requests_seconds_count\\{method=\"GET\",route=\"/articles/\\{slug}\","
                            + "status=\"200\"} 4(\\.0)?\n")
                    .containsPattern("http_server_requests_seconds_count\\{method=\"GET\",route=\"/articles/\\{slug}\","
                            + "status=\"304\"} 1(\\.0)?\n");
        }
    }

    @Test
    void aListedAddressReadsItDirectlyButNotThroughAProxy() throws Exception {
        try (TestSite site = site("", "127.0.0.1, ::1")) {
            assertThat(site.get("/metrics").statusCode()).isEqualTo(200);
            assertThat(site.get("/metrics", "X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(403);
            assertThat(site.get("/metrics", "Forwarded", "for=203.0.113.9").statusCode()).isEqualTo(403);
        }
    }
}
