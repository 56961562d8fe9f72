package dev.gazette.akismet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.web.TestSite;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Calls to a test site's Akismet API as its clients make them: forms posted, a comment's fields, a key's counts. */
final class AkismetCalls {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AkismetCalls() {}

    static HttpResponse<String> post(TestSite site, String path, Map<String, String> form, String... headers) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) request.headers(headers);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A comment-check's fields, as a blog at https://blog.example sends them for a reader at this address. */
    static Map<String, String> comment(String key, String userIp, String author, String email, String content) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("blog", "https://blog.example");
        form.put("user_ip", userIp);
        form.put("user_agent", "Mozilla/5.0 (X11; Linux x86_64)");
        form.put("comment_type", "comment");
        form.put("comment_author", author);
        form.put("comment_author_email", email);
        form.put("comment_content", content);
        return form;
    }

    /** The key's counts from key-stats. */
    static JsonNode stats(TestSite site, String key) throws Exception {
        return new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(site.url("/1.1/key-stats?api_key=" + key)))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
