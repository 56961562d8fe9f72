package dev.gazette.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shield is a library: nothing under dev.gazette.spam may import the rest of Gazette. */
class ImportBoundaryTest {
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?(dev\\.gazette\\.[\\w.]+)", Pattern.MULTILINE);

    @Test
    void shieldImportsNothingElseOfGazette() throws IOException {
        Path root = Path.of("src/main/java/dev/gazette/spam");
        assertThat(root).isDirectory();
        List<String> offences = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                Matcher m = IMPORT.matcher(Files.readString(p));
                while (m.find()) {
                    if (!m.group(1).startsWith("dev.gazette.spam.") && !m.group(1).equals("dev.gazette.spam")) {
                        offences.add(root.relativize(p) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(10);
        assertThat(offences).as("imports of other Gazette packages").isEmpty();
    }

    @Test
    void theScannerWouldCatchAnOffence() {
        Matcher m = IMPORT.matcher("package x;\nimport dev.gazette.store.Db;\n");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("dev.gazette.store.Db");
    }
}
