package dev.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gazette.web.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fuzzes a WordPress export (WXR) into a fresh store: it is imported, or refused with an IOException that says why. */
class WordPressImportFuzzTest {
    private static final TestSite SITE = TestSite.start(false, g -> {});
    private static final WordPressImport IMPORTER =
            new WordPressImport(SITE.gazette().articles(), SITE.gazette().comments());
    private static final Path FILE = tempFile();

    @FuzzTest
    void anExportIsImported_orRefusedWithAReason(byte[] wxr) throws IOException {
        Files.write(FILE, wxr);
        WordPressImport.Report report;
        try {
            report = IMPORTER.importFile(FILE, (reply, spam) -> assertThat(reply.id()).isPositive());
        } catch (IOException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(report.posts()).isBetween(0, report.items());
        assertThat(report.posts() + report.skipped().size()).isLessThanOrEqualTo(report.items());
        assertThat(report.replies()).isNotNegative();
    }

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("fuzz", ".wxr");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
