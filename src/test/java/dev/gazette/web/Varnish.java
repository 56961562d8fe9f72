package dev.gazette.web;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Varnish running the shipped {@code deploy/varnish/gazette.vcl} on a free port, in a folder of its own.
 * Outside CI, a machine without varnishd skips the tests that need it; in CI (which installs it) they must run.
 */
public final class Varnish implements AutoCloseable {
    private static final Path VARNISHD = Path.of("/usr/sbin/varnishd");
    private static final Path VCL = Path.of("deploy/varnish/gazette.vcl");
    private static final Path SERVICE = Path.of("deploy/varnish/varnish.service.d/gazette.conf");
    /** The storage and parameters on the shipped ExecStart line ({@code -s malloc,256m}, {@code -p name=value}). */
    private static final Pattern OPTION = Pattern.compile("(?<=\\s)-([sp])\\s+([^\\s\\\\]+)");

    private final Process process;
    private final int port;

    private Varnish(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A free port to start Varnish on later, so the site can be told where to send purges before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Varnish on {@code port} in front of a Gazette listening on {@code backendPort}, and waits until it answers. */
    public static Varnish start(int port, int backendPort) throws IOException, InterruptedException {
        if (System.getenv("CI") == null) {
            assumeThat(VARNISHD).as("install varnish and varnish-modules to run the tests behind a cache").exists();
        }
        // varnishd reads the VCL as its own user, not as whoever runs the tests.
        Path dir = Files.createTempDirectory("gazette-varnish",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String vcl = Files.readString(VCL);
        String backend = ".port = \"8080\";";
        if (!vcl.contains(backend)) throw new AssertionError("The shipped VCL no longer names its backend port as " + backend);
        Path file = dir.resolve("gazette.vcl");
        Files.writeString(file, vcl.replace(backend, ".port = \"" + backendPort + "\";"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> command = new ArrayList<>(List.of(VARNISHD.toString(), "-F", "-a", "127.0.0.1:" + port,
                "-f", file.toAbsolutePath().toString(), "-n", dir.resolve("work").toString()));
        command.addAll(shippedOptions());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("varnishd.log").toFile()).start();
        Varnish varnish = new Varnish(process, port);
        TestProcesses.awaitHealthy(varnish.url("/healthz"), process, dir.resolve("varnishd.log"));
        return varnish;
    }

    /** The -s and -p options of the shipped systemd drop-in, so the tests run Varnish as newsrooms are told to. */
    static List<String> shippedOptions() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(SERVICE)) {
            if (line.startsWith("#")) continue;
            Matcher option = OPTION.matcher(line);
            while (option.find()) options.addAll(List.of("-" + option.group(1), option.group(2)));
        }
        if (options.stream().noneMatch("-s"::equals)) throw new AssertionError(SERVICE + " no longer names a storage (-s)");
        return options;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Where the site sends purges. */
    public URI purgeUrl() {
        return URI.create(url("/"));
    }

    @Override
    public void close() {
        TestProcesses.stop(process);
    }
}
