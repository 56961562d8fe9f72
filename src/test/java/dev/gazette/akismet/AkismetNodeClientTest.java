package dev.gazette.akismet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.web.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The published npm client akismet-api, unchanged, pointed at this server (installed by npm ci --prefix tools). */
class AkismetNodeClientTest {
    static final Path CLIENT = Path.of("tools/node_modules/akismet-api");

    @Test
    void theNpmClientVerifiesChecksAndSubmits() throws Exception {
        if (System.getenv("CI") == null) {
            assumeThat(CLIENT).as("run 'npm ci --prefix tools' to test the npm client").exists();
        }
        try (TestSite site = TestSite.start(false, g -> {})) {
            String key = site.gazette().apiKeys().add("https://client.example");
            Process node = new ProcessBuilder("node", "tools/akismet-client-check.js", site.url(""), key)
                    .redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as(output).isZero();

            JsonNode result = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
            assertThat(result.get("validKey").asBoolean()).isTrue();
            assertThat(result.get("invalidKey").asBoolean()).isFalse();
            assertThat(result.get("testSpam").asBoolean()).isTrue();
            assertThat(result.get("guaranteedSpam").asBoolean()).isTrue();
            assertThat(result.get("administrator").asBoolean()).isFalse();
            assertThat(result.get("ham").asBoolean()).isFalse();
            assertThat(result.get("feedback").asText()).isEqualTo("sent");
        }
    }
}
