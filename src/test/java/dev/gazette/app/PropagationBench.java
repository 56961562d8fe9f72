package dev.gazette.app;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.article.SaveResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * For bench/cluster: two nodes in this JVM on the PostgreSQL named by the first argument; an editor changes a
 * headline on node A, and a reader on node B reloads the page (every millisecond) until the new headline shows.
 * Prints the delays' p50 and p99 over the rounds (second argument, default 200). A round gives up after
 * {@link #ROUND_LIMIT_MS} and counts as that long (and is reported apart), so a run always ends.
 */
public final class PropagationBench {
    /** How long one round may wait for the change to show. */
    static final long ROUND_LIMIT_MS = 10_000;

    private PropagationBench() {}

    public static void main(String[] args) throws Exception {
        String db = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        HttpClient client = HttpClient.newHttpClient();
        try (Gazette a = Gazette.open(StartUpTogetherTest.node(db, false));
             Gazette b = Gazette.open(StartUpTogetherTest.node(db, false))) {
            a.serve();
            String bBase = b.serve();
            Article article = a.articles().create(new ArticleDraft("Ferry timetable 0", "Summary.", "Body.", "Ada Quill",
                    "Local", List.of(), ArticleState.PUBLISHED, Optional.empty(), Optional.empty()));
            String page = bBase + "articles/" + article.slug();
            List<Double> delays = new ArrayList<>();
            int version = article.version();
            int gaveUp = 0;
            for (int i = 1; i <= rounds; i++) {
                get(client, page); // node B has the page in its cache
                String title = "Ferry timetable " + i;
                long start = System.nanoTime();
                SaveResult saved = a.articles().update(article.id(), version, article.slug(), new ArticleDraft(title,
                        "Summary.", "Body.", "Ada Quill", "Local", List.of(), ArticleState.PUBLISHED, Optional.empty(),
                        Optional.empty()));
                version = ((SaveResult.Stored) saved).article().version();
                // A pause between reloads: a reader spinning flat out would take the cores the notice needs.
                while (!get(client, page).contains(title) && (System.nanoTime() - start) / 1_000_000 < ROUND_LIMIT_MS) {
                    Thread.sleep(1);
                }
                double ms = (System.nanoTime() - start) / 1e6;
                if (ms >= ROUND_LIMIT_MS) gaveUp++;
                delays.add(ms);
            }
            Collections.sort(delays);
            System.out.printf("change on node A shown on node B (%d rounds, save included): p50 %.1f ms  p99 %.1f ms"
                            + "  max %.1f ms  (%d rounds gave up at %d ms)%n", rounds, delays.get(rounds / 2),
                    delays.get((int) Math.ceil(rounds * 0.99) - 1), delays.get(rounds - 1), gaveUp, ROUND_LIMIT_MS);
        }
        System.exit(0);
    }

    private static String get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
