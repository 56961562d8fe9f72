package dev.gazette.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gazette.web.TestSite;
import dev.gazette.web.TrustedProxies;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site whose data folder is on a small real filesystem (tmpfs) that fills up: readiness says so, then recovers. */
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskMakesTheNodeUnreadyButStillLiveAndItRecoversWhenSpaceIsFreed() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small-disk"));
        assumeThat(run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString()))
                .as("mounting a tmpfs needs root (CI runs as root)").isZero();
        try {
            OpsSettings ops = new OpsSettings(Duration.ofSeconds(5), 2L * 1024 * 1024, "", TrustedProxies.none());
            try (TestSite site = TestSite.on(null, mount, ops)) {
                assertThat(site.get("/readyz").statusCode()).isEqualTo(200);

                Path filler = mount.resolve("filler.bin");
                try (OutputStream out = Files.newOutputStream(filler)) {
                    byte[] block = new byte[64 * 1024];
                    while (true) out.write(block);
                } catch (IOException full) {
                    // No space left on device: the disk is full, as wanted.
                }
                HttpResponse<String> unready = eventually(() -> site.get("/readyz"), 503);
                assertThat(unready.statusCode()).isEqualTo(503);
                assertThat(unready.body()).contains("disk:").doesNotContain(mount.toString());
                assertThat(site.get("/livez").statusCode()).isEqualTo(200);

                Files.delete(filler);
                assertThat(eventually(() -> site.get("/readyz"), 200).statusCode()).isEqualTo(200);
            }
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }

    private static HttpResponse<String> eventually(Supplier<HttpResponse<String>> request, int status)
            throws InterruptedException {
        HttpResponse<String> last = request.get();
        for (int i = 0; i < 100 && last.statusCode() != status; i++) {
            Thread.sleep(100);
            last = request.get();
        }
        return last;
    }
}
