package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    private static GazetteCommand parse(String... args) {
        GazetteCommand root = new GazetteCommand();
        new CommandLine(root).parseArgs(args);
        return root;
    }

    @Test
    void sharedOptionsWorkBeforeAndAfterTheSubcommand() {
        assertThat(parse("--port", "0", "serve").settings().port()).isZero();
        assertThat(parse("serve", "--port", "9090", "--data", "/tmp/site").settings())
                .satisfies(s -> {
                    assertThat(s.port()).isEqualTo(9090);
                    assertThat(s.dataDir()).isEqualTo(Path.of("/tmp/site"));
                    assertThat(s.dbUrl()).isEqualTo("jdbc:sqlite:/tmp/site/gazette.db");
                });
    }

    @Test
    void serveIsTheDefaultCommand() {
        CommandLine cli = Main.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs("--port", "0");
        assertThat(parsed.hasSubcommand()).isFalse();
        assertThat(cli.getCommandSpec().userObject()).isInstanceOf(GazetteCommand.class);
    }

    @Test
    void helpListsTheSettingsOrder() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("serve").contains("--data").contains("GAZETTE_DB_URL")
                .contains("command-line option, environment variable");
    }

    @Test
    void badOptionValuesExitWithAMessage() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("--port", "not-a-number")).isNotZero();
        assertThat(err.toString()).contains("--port");
    }

    @Test
    void warmUpServesTheSampleSiteReadsItAndStops() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(cli.execute("warm-up", "--rounds", "2")).as(err.toString()).isZero();
        } finally {
            System.setOut(before);
        }
        // Two rounds over the fixed pages, the ten sample stories and their sections and tags, and one reply.
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).containsPattern("Warm-up done: [3-9][0-9] requests");
    }
}
