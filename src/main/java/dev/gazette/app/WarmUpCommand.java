package dev.gazette.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gazette warm-up}: a training run. It serves the sample site from a temporary folder, reads every kind of
 * page as browsers do and sends a few replies, then stops. Run under {@code -XX:AOTCacheOutput} (JDK 25) or
 * {@code -XX:ArchiveClassesAtExit} (JDK 17+), it leaves what the next start loads instead of finding again: the
 * launcher does that after every build, so a new node serves at speed from its first seconds.
 */
@Command(name = "warm-up", hidden = true, mixinStandardHelpOptions = true,
        description = "Serve the sample site on a temporary folder, request every kind of page, and stop.")
public final class WarmUpCommand implements Callable<Integer> {
    private static final Pattern LINK = Pattern.compile("href=\"(/(?:articles|sections|tags)/[^\"#?]+)\"");
    private static final List<String> FIXED = List.of("/", "/about", "/privacy", "/feed.xml", "/atom.xml",
            "/comments/feed.xml", "/sitemap.xml", "/robots.txt", "/search?q=city", "/admin/login", "/healthz");
    private static final List<String> ENCODINGS = List.of("gzip, deflate, br", "gzip", "identity");

    @Option(names = "--rounds", paramLabel = "N", description = "Times to read every page (default: 200).")
    int rounds = 200;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Integer call() throws IOException {
        Path data = Files.createTempDirectory("gazette-warm-up");
        try {
            Settings settings = SettingsLoader.load(Map.of("data", data.toString(), "port", "0", "host", "127.0.0.1",
                    "sample.content", "true", "shield.min.seconds", "0", "comments.max-per-address-hour", "0",
                    "comments.max-per-network-hour", "0"), Map.of(), Optional.empty());
            int requests;
            try (Gazette gazette = Gazette.open(settings)) {
                String base = gazette.serve().replaceAll("/$", "");
                requests = exercise(base);
            }
            System.out.println("Warm-up done: " + requests + " requests.");
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private int exercise(String base) {
        Set<String> paths = new LinkedHashSet<>(FIXED);
        Matcher links = LINK.matcher(get(base + "/", "identity").body());
        while (links.find()) paths.add(links.group(1));
        List<String> articles = new ArrayList<>(paths.stream().filter(p -> p.startsWith("/articles/")).toList());
        int requests = 0;
        for (int round = 0; round < rounds; round++) {
            for (String path : paths) {
                get(base + path, ENCODINGS.get((round + requests) % ENCODINGS.size()));
                requests++;
            }
            if (round % 20 == 0 && !articles.isEmpty()) {
                reply(base, articles.get(round / 20 % articles.size()), round);
                requests += 2;
            }
        }
        return requests;
    }

    private void reply(String base, String article, int round) {
        String page = get(base + article, "identity").body();
        Matcher token = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"").matcher(page);
        if (!token.find()) return;
        String form = "comment=" + enc("Warm-up reply " + round + ": a few plain words about the story.")
                + "&author=" + enc("Warm Up") + "&email=" + enc("warm-up" + round + "@example.org")
                + "&url=&form_token=" + enc(token.group(1));
        send(HttpRequest.newBuilder(URI.create(base + article + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> get(String url, String encoding) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", encoding).GET().build());
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

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
