package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.media.MediaItem;
import dev.gazette.media.TestPictures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code gazette media add}: prints the public address, refuses what the editor refuses. */
class MediaCommandTest {
    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void addPrintsThePublicAddressOfAPictureWithItsCredit() throws Exception {
        Path data = Files.createTempDirectory("gazette-cli");
        Path photo = data.resolve("harbour.jpg");
        Files.write(photo, TestPictures.photoWithLocation(1500, 1000, 1));
        Path config = data.resolve("gazette.properties");
        Files.writeString(config, "base.url=https://news.example\nsample.content=false\n");

        Run run = run("media", "add", photo.toString(), "--alt", "Boats at the quay", "--caption", "Morning catch",
                "--credit", "Jo Snap / Agency", "--data", data.toString(), "--config", config.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().strip()).matches("https://news\\.example/media/[0-9a-f]{32}-960\\.jpg");
        GazetteCommand root = new GazetteCommand();
        new CommandLine(root).parseArgs("--data", data.toString(), "--config", config.toString());
        try (Gazette gazette = Gazette.open(root.settings())) {
            MediaItem item = gazette.media().newest(0, 1).get(0);
            assertThat(item.credit()).isEqualTo("Jo Snap / Agency");
            assertThat(run.out()).contains(item.id());
            assertThat(run.err()).contains("![Boats at the quay](/media/" + item.id() + "-960.jpg \"Morning catch\")");
            assertThat(data.resolve("media").resolve(item.id() + "-960.jpg")).exists();
        }
    }

    @Test
    void aBombOrAMissingFileOrBlankAltIsRefusedWithAMessage() throws Exception {
        Path data = Files.createTempDirectory("gazette-cli");
        Path bomb = data.resolve("bomb.png");
        Files.write(bomb, TestPictures.pngBomb());

        Run refused = run("media", "add", bomb.toString(), "--alt", "Bomb", "--data", data.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("megapixels");
        assertThat(refused.out()).isEmpty();

        assertThat(run("media", "add", data.resolve("none.jpg").toString(), "--alt", "x", "--data", data.toString()).err())
                .contains("There is no file");
        assertThat(run("media", "add", bomb.toString(), "--alt", " ", "--data", data.toString()).err())
                .contains("alt text");
    }
}
