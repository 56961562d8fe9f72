package dev.gazette.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Waits for the real servers the tests start (Varnish, HAProxy) to answer, and stops them. */
public final class TestProcesses {
    private static final Duration START_WITHIN = Duration.ofSeconds(30);

    private TestProcesses() {
    }

    /**
     * Returns once {@code url} answers 200. If the process exits first or does not answer within 30 s, stops it and
     * fails with what it wrote to {@code log}.
     */
    public static void awaitHealthy(String url, Process process, Path log) throws IOException, InterruptedException {
        String command = process.info().command().orElse("The process"); // gone once it has exited
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        Instant deadline = Instant.now().plus(START_WITHIN);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        stop(process);
        throw new AssertionError(command + " did not answer 200 on " + url + "; its log " + log + ":\n"
                + Files.readString(log));
    }

    /** Asks the process to stop, and kills it if it has not within 10 s. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
