package dev.gazette.moderation.bench;

import dev.gazette.account.Role;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.comment.CommentSettings;
import dev.gazette.moderation.ModerationRoutes;
import dev.gazette.privacy.Retention;
import dev.gazette.web.StaffBrowser;
import dev.gazette.web.TestSite;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Measures the replies queue over HTTP on loopback with many replies waiting: opening it (paged, filtered or not)
 * and deciding one reply. Run by bench/moderation-queue; prints its figures beside the goal.
 */
public final class QueueBench {
    static final double GOAL_P99_MS = 100;

    public static void main(String[] args) {
        int pending = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        CommentSettings held = new CommentSettings(true, false, 2, List.of(), List.of(), 0, false, 5, 50, false, 5000, 100,
                15, 0, 0, Retention.defaults());
        try (TestSite site = TestSite.start(false, 0, held, g -> {
            for (int a = 0; a < 50; a++) {
                g.articles().create(new ArticleDraft("Story number " + a + " about the harbour", "", "Body.", "Staff",
                        "World", List.of(), ArticleState.PUBLISHED, Optional.of(Instant.now().minusSeconds(3600)),
                        Optional.empty()));
            }
            g.accounts().add("mo@example.org", "Mo", Role.MODERATOR, "moderating the whole day");
        })) {
            long seedStart = System.nanoTime();
            seed(site, pending);
            System.out.printf(Locale.ROOT, "seeded %,d pending replies (with 2 history lines each) in %.1f s%n", pending,
                    (System.nanoTime() - seedStart) / 1e9);
            StaffBrowser mo = StaffBrowser.signIn(site, "mo@example.org", "moderating the whole day");
            int pages = (pending + 24) / 25;
            Random random = new Random(7);
            String firstAuthor = String.valueOf(firstId(site));

            measure(mo, 100, i -> "/admin/replies?state=pending"); // warm-up: JIT, caches, connections
            System.out.printf(Locale.ROOT, "%-44s %8s %8s %8s  %s%n", "GET (sequential, one connection)", "p50 ms",
                    "p99 ms", "max ms", "p99 / goal " + (int) GOAL_P99_MS + " ms");
            report("baseline: empty spam tab, same frame", measure(mo, rounds, i -> "/admin/replies?state=spam"));
            report("queue, page 1", measure(mo, rounds, i -> "/admin/replies?state=pending"));
            report("queue, random page of " + pages, measure(mo, rounds,
                    i -> "/admin/replies?state=pending&page=" + (1 + random.nextInt(pages))));
            report("queue, last page (" + pages + ")", measure(mo, rounds, i -> "/admin/replies?state=pending&page=" + pages));
            report("queue, story title filter", measure(mo, rounds,
                    i -> "/admin/replies?state=pending&story=number+" + random.nextInt(50) + "+about"));
            report("queue, one author's replies", measure(mo, rounds,
                    i -> "/admin/replies?state=pending&by=" + firstAuthor));
            report("dashboard (menu count + cards)", measure(mo, rounds, i -> "/admin"));

            // Deciding: the script's request is the whole decision; its answer is the row, not a redirect.
            List<Long> ids = pendingIds(site, rounds * 2);
            String csrf = mo.csrf();
            double[] decide = new double[rounds];
            int requests = 0;
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = mo.browser().post("/admin/replies/" + ids.get(i), Map.of("csrf", csrf,
                        "decision", i % 2 == 0 ? "approve" : "trash", "state", "pending"), ModerationRoutes.FRAGMENT, "row");
                decide[i] = (System.nanoTime() - t) / 1e6;
                requests++;
                if (r.statusCode() != 200 || !r.body().contains("class=\"outcome\"")) {
                    throw new IllegalStateException("decision answered " + r.statusCode());
                }
            }
            report("decide one reply (script): " + requests / rounds + " request", decide);
            double[] plain = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = mo.browser().post("/admin/replies/" + ids.get(rounds + i), Map.of("csrf", csrf,
                        "decision", "spam", "state", "pending"));
                mo.browser().get(r.headers().firstValue("Location").orElseThrow());
                plain[i] = (System.nanoTime() - t) / 1e6;
            }
            report("decide one reply (no script): POST+303, GET", plain);
            System.out.printf(Locale.ROOT, "still pending after the decisions: %,d%n",
                    site.gazette().comments().stats().pendingCount());
        }
    }

    static void seed(TestSite site, int n) {
        long now = Instant.now().toEpochMilli();
        List<Long> articles = site.gazette().database().reads().withHandle(h ->
                h.createQuery("SELECT id FROM article ORDER BY id").mapTo(Long.class).list());
        site.gazette().database().writes().useTransaction(h -> {
            var replies = h.prepareBatch("INSERT INTO comment (article_id, author_name, author_email, body_markdown,"
                    + " body_html, state, ip, user_agent, created_at, updated_at, spam_probability, spam_reasons)"
                    + " VALUES (:a, :name, :email, :md, :html, 'pending', :ip, 'Mozilla/5.0 (bench)', :at, :at, :p,"
                    + " :reasons)");
            for (int i = 0; i < n; i++) {
                String text = "Reply " + i + ": a thought on the timetable, the fares and the new quay, in a few words.";
                replies.bind("a", articles.get(i % articles.size())).bind("name", "Reader " + (i % 900))
                        .bind("email", "reader" + (i % 900) + "@example.org").bind("md", text)
                        .bind("html", "<p>" + text + "</p>").bind("ip", "198.51.100." + (i % 250))
                        .bind("at", now - (long) (n - i) * 1000).bind("p", (i % 100) / 100.0)
                        .bind("reasons", "the text has 1 link (+0.4)\nthe name is a phrase of 2 words (+0.2)").add();
            }
            replies.execute();
            h.execute("INSERT INTO reply_event (comment_id, at, kind) SELECT id, created_at, 'received' FROM comment");
            h.execute("INSERT INTO reply_event (comment_id, at, kind, to_state, detail, probability) SELECT id, created_at,"
                    + " 'shield', 'pending', spam_reasons, spam_probability FROM comment");
        });
    }

    static long firstId(TestSite site) {
        return site.gazette().database().reads().withHandle(h ->
                h.createQuery("SELECT MIN(id) FROM comment").mapTo(Long.class).one());
    }

    static List<Long> pendingIds(TestSite site, int n) {
        return site.gazette().database().reads().withHandle(h -> h.createQuery("SELECT id FROM comment"
                + " WHERE state = 'pending' ORDER BY id DESC LIMIT :n").bind("n", n).mapTo(Long.class).list());
    }

    static double[] measure(StaffBrowser who, int n, IntFunction<String> path) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            String p = path.apply(i);
            long t = System.nanoTime();
            HttpResponse<String> r = who.browser().get(p);
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) throw new IllegalStateException(p + " answered " + r.statusCode());
        }
        return ms;
    }

    static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double p50 = sorted[(int) Math.floor(0.50 * (sorted.length - 1))];
        double p99 = sorted[(int) Math.ceil(0.99 * (sorted.length - 1))];
        System.out.printf(Locale.ROOT, "%-44s %8.1f %8.1f %8.1f  %.2f%n", what, p50, p99, sorted[sorted.length - 1],
                p99 / GOAL_P99_MS);
    }

    private QueueBench() {}
}
