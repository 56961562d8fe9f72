package dev.gazette.syndication;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;

/** Fetches a feed over http(s). (Step 1: the old behaviour, moved here unchanged.) */
public final class FeedFetcher {
    public static final int MAX_BYTES = 10_000_000;

    private final FetchSettings settings;
    private final HttpClient http;

    public FeedFetcher(FetchSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.answerTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The answer to a GET with these extra headers: 200 with the body, or 304. */
    public Fetched get(String url, Map<String, String> headers) throws FetchFailed, InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.answerTimeout())
                    .header("User-Agent", "Gazette feed reader").GET();
            headers.forEach(request::header);
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() == 304) return new Fetched(304, new byte[0], "", "");
                if (response.statusCode() != 200) throw new FetchFailed("the server answered " + response.statusCode());
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) throw new FetchFailed("the feed is larger than " + MAX_BYTES / 1_000_000 + " MB");
                return new Fetched(200, body, response.headers().firstValue("ETag").orElse(""),
                        response.headers().firstValue("Last-Modified").orElse(""));
            }
        } catch (HttpTimeoutException e) {
            throw new FetchFailed("no answer within " + settings.answerTimeout().toSeconds() + " s");
        } catch (FetchFailed e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new FetchFailed(String.valueOf(e.getMessage()));
        }
    }

    /** A feed's answer: its status (200 or 304), its body, and what to send to ask next time whether it changed. */
    public record Fetched(int status, byte[] body, String etag, String lastModified) {
        public boolean notModified() {
            return status == 304;
        }
    }
}
