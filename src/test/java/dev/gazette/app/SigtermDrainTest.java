package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.store.Database;
import dev.gazette.web.Browser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program in a process of its own, told to stop (SIGTERM) while replies are still arriving: it takes no new
 * connection, answers the replies in flight, saves them, then exits. Its log is JSON lines when asked for.
 */
class SigtermDrainTest {
    static final String ARTICLE = "/articles/harbour-city-switches-on-its-tidal-barrier-after-a-decade-of-delays";
    static final int IN_FLIGHT = 3;

    @TempDir
    Path data;

    @Test
    void repliesInFlightAtSigtermGetTheirAnswersAndAreSaved() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // sqlite-jdbc loads a native library; newer JDKs warn on stderr unless it is allowed.
        if (Runtime.version().feature() >= 22) command.add("--enable-native-access=ALL-UNNAMED");
        // The shipped logging configuration, not the tests' own (logback-test.xml, also on this class path).
        command.add("-Dlogback.configurationFile=" + SigtermDrainTest.class.getResource("/logback.xml"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--port", "0", "--data", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("GAZETTE_HOST", "127.0.0.1");
        builder.environment().put("GAZETTE_SHIELD_MIN_SECONDS", "0");
        builder.environment().put("GAZETTE_LOG_FORMAT", "json");
        builder.environment().put("GAZETTE_SHUTDOWN_DRAIN_SECONDS", "30");
        Path logFile = data.resolveSibling(data.getFileName() + "-stderr.log");
        builder.redirectError(logFile.toFile());
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            for (String line = out.readLine(); line != null && base == null; line = out.readLine()) {
                Matcher m = Pattern.compile("Gazette is serving (http://\\S+?)/?$").matcher(line);
                if (m.find()) base = m.group(1);
            }
            System.out.println("FAULTS serving at " + java.time.Instant.now());
            assertThat(base).as("the serving line; log: %s", Files.readString(logFile)).isNotNull();
            String root = base;
            int port = Integer.parseInt(root.substring(root.lastIndexOf(':') + 1));
            Browser reader = new Browser(path -> root + path);

            List<Socket> sockets = new ArrayList<>();
            List<byte[]> rests = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                Map<String, String> form = new HashMap<>(Browser.fields(reader.page(ARTICLE), "form.reply-form"));
                form.put("comment", "Reply number " + i + ", still on its way when the server was told to stop.");
                form.put("author", "Sam Reed " + i);
                form.put("email", "sam" + i + "@example.org");
                byte[] body = form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(60_000);
                OutputStream o = socket.getOutputStream();
                // Headers and half the body: the request is being handled, waiting for the rest.
                o.write(("POST " + ARTICLE + "/comments HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                o.write(body, 0, body.length / 2);
                o.flush();
                sockets.add(socket);
                rests.add(java.util.Arrays.copyOfRange(body, body.length / 2, body.length));
            }
            // Let the server start handling each (it reads the form as its first step).
            Thread.sleep(1000);

            System.out.println("FAULTS SIGTERM sent at " + java.time.Instant.now());
            process.destroy(); // SIGTERM

            // No new connection is taken once the stop has begun.
            assertThat(refusedWithin(port, 200)).as("a new connection is refused while the server drains").isTrue();
            assertThat(process.isAlive()).as("the process waits for the requests in flight").isTrue();

            for (int i = 0; i < IN_FLIGHT; i++) {
                sockets.get(i).getOutputStream().write(rests.get(i));
                sockets.get(i).getOutputStream().flush();
            }
            for (Socket socket : sockets) {
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(answer).startsWith("HTTP/1.1 303");
                assertThat(answer).contains("Location: " + ARTICLE + "#comment-");
                socket.close();
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process exits once drained").isTrue();
            assertThat(Files.readString(logFile)).contains("\"message\":\"Stopped\"");
            System.out.println("FAULTS process exited at " + java.time.Instant.now());
        } finally {
            process.destroyForcibly();
        }

        try (Database db = Database.open(Database.sqliteUrl(data))) {
            int saved = db.reads().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM comment WHERE body_markdown LIKE '%still on its way%'").mapTo(Integer.class).one());
            assertThat(saved).isEqualTo(IN_FLIGHT);
        }
        List<String> lines = Files.readAllLines(logFile);
        assertThat(lines).anyMatch(line -> line.contains("\"message\":\"Stopping: no new requests are taken"));
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.path("level").asText()).as(line).isNotEmpty();
            assertThat(entry.path("message").isTextual()).as(line).isTrue();
            assertThat(line).doesNotContain("@example.org");
        }
    }

    /** True once a connection to the port is refused, trying every 50 ms for at most the given tries. */
    private static boolean refusedWithin(int port, int tries) throws InterruptedException {
        for (int i = 0; i < tries; i++) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (ConnectException e) {
                return true;
            } catch (IOException e) {
                // a timeout: try again
            }
            Thread.sleep(50);
        }
        return false;
    }
}
