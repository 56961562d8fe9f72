package dev.gazette.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demonstration stories a new site starts with, so a first visit shows a real front page. */
public final class SampleArticles {
    private static final String FOLDER = "/sample/articles/";
    private static final String INDEX = FOLDER + "index.txt";

    private final Articles articles;
    private final Clock clock;

    public SampleArticles(Articles articles, Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    /** Adds the samples when the site has no article at all, so it never runs twice or over real content. */
    public int addIfEmpty() {
        if (!articles.isEmpty()) return 0;
        List<String> names = read(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Instant now = clock.instant();
        // Oldest first, so ids follow publication order like on a real site.
        names.stream()
                .map(name -> parse(read(FOLDER + name), now))
                .sorted((a, b) -> a.publishAt().orElseThrow().compareTo(b.publishAt().orElseThrow()))
                .forEach(articles::create);
        return names.size();
    }

    static ArticleDraft parse(String file, Instant now) {
        int split = file.indexOf("\n---\n");
        if (split < 0) throw new IllegalArgumentException("A sample article needs a header, then a line '---'");
        Map<String, String> header = new LinkedHashMap<>();
        file.substring(0, split).lines().forEach(line -> {
            int colon = line.indexOf(':');
            if (colon > 0) header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        });
        Optional<Source> source = Optional.ofNullable(header.get("source-headline")).map(headline -> new Source(
                headline, header.getOrDefault("source-outlet", ""), header.getOrDefault("source-agency", ""),
                Optional.ofNullable(header.get("source-url"))));
        long hoursAgo = Long.parseLong(header.getOrDefault("hours-ago", "1"));
        return new ArticleDraft(
                header.getOrDefault("title", ""),
                header.getOrDefault("summary", ""),
                file.substring(split + 5).strip() + "\n",
                header.getOrDefault("author", "Gazette staff"),
                header.getOrDefault("section", "News"),
                Arrays.asList(header.getOrDefault("tags", "").split(",")),
                ArticleState.PUBLISHED,
                Optional.of(now.minus(Duration.ofHours(hoursAgo))),
                source);
    }

    private static String read(String resource) {
        try (InputStream in = SampleArticles.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing sample resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
