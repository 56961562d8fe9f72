package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.store.TestDatabases;
import dev.gazette.web.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two Gazette processes on one PostgreSQL behind HAProxy; readers post replies through the balancer while one
 * process is killed with SIGKILL. Every reply the site acknowledged must be in the database.
 */
class KillNodeTest {
    static final String ARTICLE = "/articles/tide-tables-printed-again";

    /** A node as its own JVM, started from the test's class path, as {@code gazette serve} runs it. */
    record NodeProcess(Process process, int port, Path log) implements AutoCloseable {
        static NodeProcess start(String dbUrl, Map<String, String> env) throws IOException {
            int port = FreePort.find();
            Path data = Files.createTempDirectory("gazette-process-node");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    "dev.gazette.app.Main", "serve", "--port", String.valueOf(port), "--data", data.toString());
            builder.environment().put("GAZETTE_DB_URL", dbUrl); // not in argv, where ps would show it
            builder.environment().put("GAZETTE_HOST", "127.0.0.1");
            builder.environment().put("GAZETTE_SAMPLE_CONTENT", "false");
            builder.environment().put("GAZETTE_SHIELD_MIN_SECONDS", "0");
            builder.environment().put("GAZETTE_PROXY_TRUSTED", "127.0.0.1");
            builder.environment().putAll(env);
            Path log = data.resolve("node.log");
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new NodeProcess(process, port, log);
        }

        void awaitReady() throws IOException, InterruptedException {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            Instant deadline = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("The node did not start: " + Files.readString(log));
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    @Test
    void killingANodeUnderLoadLosesNoAcknowledgedReply() throws Exception {
        String db = TestDatabases.postgresUrl();
        try (Gazette setup = Gazette.open(StartUpTogetherTest.node(db, false))) {
            setup.articles().create(new ArticleDraft("Tide tables printed again", "Back in the shop window.",
                    "The harbour office prints its tide tables again.", "Ada Quill", "Local", List.of(),
                    ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(600)), Optional.empty()));
        }
        Map<String, String> env = Map.of("GAZETTE_COMMENTS_MAX_PER_ADDRESS_HOUR", "0",
                "GAZETTE_COMMENTS_MAX_PER_NETWORK_HOUR", "0");
        try (NodeProcess one = NodeProcess.start(db, env); NodeProcess two = NodeProcess.start(db, env)) {
            one.awaitReady();
            two.awaitReady();
            try (Haproxy balancer = Haproxy.start(List.of(one.port(), two.port()))) {
                Result result = load(balancer, one);
                assertThat(result.beforeKill()).as("replies acknowledged before the kill").isPositive();
                assertThat(result.afterKill()).as("replies acknowledged by the node left").isPositive();
                Set<Long> stored = new HashSet<>();
                try (Gazette reader = Gazette.open(StartUpTogetherTest.node(db, false))) {
                    stored.addAll(reader.database().reads().withHandle(h -> h.createQuery("SELECT id FROM comment")
                            .mapTo(Long.class).list()));
                }
                System.out.printf("KillNodeTest: %d replies acknowledged (%d before the kill, %d after), %d stored%n",
                        result.acknowledged().size(), result.beforeKill(), result.afterKill(), stored.size());
                assertThat(stored).as("every acknowledged reply is stored").containsAll(result.acknowledged());
            }
        }
    }

    record Result(Set<Long> acknowledged, int beforeKill, int afterKill) {}

    /** Six readers post through the balancer for a few seconds; a node is killed with SIGKILL a third of the way in. */
    private static Result load(Haproxy balancer, NodeProcess victim) throws Exception {
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        Instant end = Instant.now().plusSeconds(9);
        ExecutorService readers = Executors.newFixedThreadPool(6);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, String> form = new HashMap<>(Browser.fields(new Browser(balancer::url).page(ARTICLE),
                "form.reply-form"));
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            running.add(readers.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    int n = sequence.incrementAndGet();
                    Map<String, String> fields = new HashMap<>(form);
                    fields.put("comment", "Reader note number " + n + " about the tide tables in the shop window.");
                    fields.put("author", "Reader " + n);
                    fields.put("email", "reader" + n + "@readers.test");
                    fields.put("url", "");
                    String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                            + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                        URI.create(balancer.url(ARTICLE + "/comments"))).timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        String location = response.headers().firstValue("Location").orElse("");
                        if (response.statusCode() == 303 && location.contains("#comment-")) {
                            acknowledged.add(Long.parseLong(location.substring(location.indexOf("#comment-") + 9)));
                            (killed.get() ? after : before).incrementAndGet();
                        }
                    } catch (IOException e) {
                        // Not acknowledged: the reader would see an error and may try again. Nothing to check.
                    }
                }
                return null;
            }));
        }
        Thread.sleep(3000);
        victim.process().destroyForcibly(); // SIGKILL: no shutdown hook, no drain
        victim.process().waitFor();
        killed.set(true);
        for (var f : running) f.get();
        readers.shutdown();
        return new Result(acknowledged, before.get(), after.get());
    }
}
