package dev.gazette.app;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gazette.web.TestProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's HAProxy running the shipped {@code deploy/haproxy/gazette.cfg} on a free port in front of the given
 * nodes. Outside CI, a machine without haproxy skips the tests that need it; in CI (which installs it) they run.
 */
final class Haproxy implements AutoCloseable {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Path CONFIG = Path.of("deploy/haproxy/gazette.cfg");

    private final Process process;
    private final int port;

    private Haproxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts HAProxy before nodes listening on these ports, and waits until it answers through one of them. */
    static Haproxy start(List<Integer> nodePorts) throws IOException, InterruptedException {
        if (System.getenv("CI") == null) {
            assumeThat(HAPROXY).as("install haproxy to run the tests of several nodes behind a balancer").exists();
        }
        String config = Files.readString(CONFIG);
        String servers = "    server node1 127.0.0.1:8081 check\n    server node2 127.0.0.1:8082 check\n";
        if (!config.contains(servers)) throw new AssertionError("The shipped config no longer lists its nodes as expected");
        StringBuilder ours = new StringBuilder();
        for (int i = 0; i < nodePorts.size(); i++) {
            ours.append("    server node").append(i + 1).append(" 127.0.0.1:").append(nodePorts.get(i)).append(" check\n");
        }
        int port = FreePort.find();
        Path dir = Files.createTempDirectory("gazette-haproxy");
        Path file = dir.resolve("gazette.cfg");
        Files.writeString(file, config.replace(servers, ours).replace("bind 127.0.0.1:8000", "bind 127.0.0.1:" + port));
        Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        Haproxy haproxy = new Haproxy(process, port);
        TestProcesses.awaitHealthy(haproxy.url("/healthz"), process, dir.resolve("haproxy.log"));
        return haproxy;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        TestProcesses.stop(process);
    }
}
