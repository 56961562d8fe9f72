package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kept files answered before the routes, and everything else handed on to them untouched. */
class ImmutableFileHandlerTest {
    private static final byte[] PICTURE = "not really a jpeg, but bytes all the same".getBytes(StandardCharsets.US_ASCII);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> answered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicReference<List<String>> imageHosts = new AtomicReference<>(List.of());
    private Server server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        ImmutableFiles files = new ImmutableFiles() {
            @Override
            public String prefix() {
                return "/media/";
            }

            @Override
            public Optional<File> find(String name) {
                if (name.equals("broken.jpg")) throw new IllegalStateException("the store is away");
                return name.equals("abc-480.jpg")
                        ? Optional.of(new File(ByteBuffer.wrap(PICTURE), "image/jpeg")) : Optional.empty();
            }
        };
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ImmutableFileHandler handler = new ImmutableFileHandler(List.of(files), TrustedProxies.none(), imageHosts::get,
                (method, route, status, nanos) -> answered.add(method + " " + route + " " + status));
        handler.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(418);
                org.eclipse.jetty.io.Content.Sink.write(response, true, "routes answered " + request.getMethod(), callback);
                return true;
            }
        });
        server.setHandler(handler);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
    }

    @Test
    void aKeptFileIsAnsweredWithoutTheRoutesAgainAndAgain() throws Exception {
        for (int i = 0; i < 3; i++) { // each request reads the shared buffer through its own view
            HttpResponse<String> r = send("GET", "/media/abc-480.jpg?cache=bust");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(new String(PICTURE, StandardCharsets.US_ASCII));
            assertThat(r.headers().firstValue("Content-Type")).contains("image/jpeg");
            assertThat(r.headers().firstValue("Content-Length")).contains(String.valueOf(PICTURE.length));
            assertThat(r.headers().firstValue("ETag")).contains("\"abc-480.jpg\"");
            assertThat(r.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
        HttpResponse<String> head = send("HEAD", "/media/abc-480.jpg");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(PICTURE.length));
        assertThat(send("GET", "/media/abc-480.jpg", "If-None-Match", "\"other\", \"abc-480.jpg\"").statusCode())
                .isEqualTo(304);
        assertThat(answered).as("what /metrics is told of answers Javalin never sees").containsExactly(
                "GET /media/{name} 200", "GET /media/{name} 200", "GET /media/{name} 200", "HEAD /media/{name} 200",
                "GET /media/{name} 304");
    }

    @Test
    void missingFailingOtherMethodsAndOtherPathsGoToTheRoutes() throws Exception {
        assertThat(send("GET", "/media/abc-960.jpg").body()).isEqualTo("routes answered GET");
        assertThat(send("GET", "/media/broken.jpg").body()).isEqualTo("routes answered GET");
        assertThat(send("POST", "/media/abc-480.jpg").body()).isEqualTo("routes answered POST");
        assertThat(send("GET", "/other/abc-480.jpg").body()).isEqualTo("routes answered GET");
        assertThat(answered).as("the routes count their own answers").isEmpty();
    }

    @Test
    void theSecurityHeadersFollowTheImageHostsInForce() throws Exception {
        String before = send("GET", "/media/abc-480.jpg").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(before).contains("img-src 'self' data:;").doesNotContain("images.example");
        imageHosts.set(List.of("https://images.example"));
        assertThat(send("GET", "/media/abc-480.jpg").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("https://images.example");
        imageHosts.set(List.of());
        assertThat(send("GET", "/media/abc-480.jpg").headers().firstValue("Content-Security-Policy")).contains(before);
    }
}
