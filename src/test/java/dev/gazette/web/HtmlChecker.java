package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Nu HTML Checker (vnu.jar, installed by {@code npm ci --prefix tools}) over pages saved to files.
 * Outside CI a missing checker skips the check; in CI it fails, so validity is never silently untested.
 */
public final class HtmlChecker {
    private static final Path VNU = Path.of("tools/node_modules/vnu-jar/build/dist/vnu.jar");

    private HtmlChecker() {}

    public static void assertValid(Map<String, String> pagesByName) throws IOException, InterruptedException {
        if (System.getenv("CI") != null) {
            assertThat(VNU).as("vnu.jar: run 'npm ci --prefix tools'").exists();
        } else {
            assumeThat(VNU).as("vnu.jar missing: run 'npm ci --prefix tools' to check HTML validity").exists();
        }
        Path dir = Files.createTempDirectory("gazette-html");
        for (var page : pagesByName.entrySet()) {
            Files.writeString(dir.resolve(page.getKey() + ".html"), page.getValue(), StandardCharsets.UTF_8);
        }
        Process vnu = new ProcessBuilder("java", "-jar", VNU.toString(), "--errors-only", "--format", "text",
                dir.toString()).redirectErrorStream(true).start();
        String report = new String(vnu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(vnu.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(report).as("Nu HTML Checker report").doesNotContain("Error:");
        assertThat(vnu.exitValue()).as(report).isZero();
    }
}
