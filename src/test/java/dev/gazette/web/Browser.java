package dev.gazette.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A reader with a cookie jar: loads pages, fills in forms as a browser would, and follows nothing by itself. */
public final class Browser {
    private final Function<String, String> url;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String[] headers;

    public Browser(TestSite site) {
        this(site::url);
    }

    /** A browser whose every request carries these headers (name, value, name, value…), as a proxy would add them. */
    public Browser(TestSite site, String... headers) {
        this(site::url, headers);
    }

    /** A browser that reaches the site through something in front of it, such as a cache. */
    public Browser(Function<String, String> url, String... headers) {
        this.url = url;
        this.headers = headers.clone();
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** The value of a cookie this browser holds for the site, if any. */
    public java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    public Document page(String path) {
        return Jsoup.parse(get(path).body(), url.apply(path));
    }

    /** The fields of the first form matching the selector, with their current values (hidden ones included). */
    public static Map<String, String> fields(Document doc, String formSelector) {
        Element form = doc.selectFirst(formSelector);
        if (form == null) throw new AssertionError("No form " + formSelector + " on the page");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name]")) {
            if (input.attr("type").equals("checkbox") && !input.hasAttr("checked")) continue;
            fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.wholeText() : input.attr("value"));
        }
        return fields;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return postRaw(path, body);
    }

    /** Posts a form with extra request headers (name, value…), as a page's script sends it with fetch. */
    public HttpResponse<String> post(String path, Map<String, String> form, String... extraHeaders) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).headers(extraHeaders)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form body as given, for fields that repeat (several ticked boxes of one name). */
    public HttpResponse<String> postRaw(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Posts a multipart form as a browser's file upload does: the fields, then one file; extra headers as name, value
     * pairs (such as {@code Accept: application/json}, which the editor's script sends).
     */
    public HttpResponse<String> postFile(String path, Map<String, String> form, String fileField, String fileName,
                                         byte[] file, String... extraHeaders) {
        String boundary = "----gazette-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> e : form.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (extraHeaders.length > 0) request.headers(extraHeaders);
        return send(request.build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.apply(path)));
        if (headers.length > 0) request.headers(headers);
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
