package dev.gazette.akismet;

import dev.gazette.comment.CommentSettings;
import dev.gazette.web.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/wordpress}: comments WordPress accepts per second through wp-comments-post.php, with no spam plugin,
 * with Gazette Shield checking each comment against a Gazette server, and with the Akismet plugin sent to the same
 * server by Gazette Shield; the three in turn, in one run, on one WordPress, with the ratios.
 */
public final class WordPressBench {
    private WordPressBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        try (WordPress wp = WordPress.start(workers);
             TestSite gazette = TestSite.start(false, 0, CommentSettings.defaults(),
                     new AkismetSettings(100_000_000, Duration.ofDays(15)), g -> {})) {
            String key = gazette.gazette().apiKeys().add(wp.url(""));
            String postId = wp.sql("SELECT ID FROM wp_posts WHERE post_type = 'post' AND post_status = 'publish' LIMIT 1");
            wp.php("update_option('gazette_shield_url', '" + gazette.url("") + "'); update_option('gazette_shield_key', '"
                    + key + "'); update_option('wordpress_api_key', '" + key + "');");
            System.out.printf(Locale.ROOT, "WordPress %s (Debian), php-fpm %d workers, nginx, MariaDB; wrk %d s x %d connections,"
                    + " %d round(s) each; all on this machine's %d cores%n", wp.php("echo get_bloginfo('version');").strip(),
                    workers, seconds, connections, rounds, Runtime.getRuntime().availableProcessors());
            List<String> setups = List.of("none", "shield", "akismet");
            double[][] rates = new double[setups.size()][rounds];
            int run = 0;
            for (int r = 0; r < rounds; r++) {
                for (int s = 0; s < setups.size(); s++) {
                    use(wp, setups.get(s));
                    wrk(wp, postId, 3, connections, "warm" + run++); // warm caches and opcache after the switch
                    Result result = wrk(wp, postId, seconds, connections, "run" + run++);
                    rates[s][r] = result.perSecond();
                    System.out.printf(Locale.ROOT, "  round %d %-8s %7.1f comments/s  p50 %6.1f ms  p99 %7.1f ms  (%d accepted, %d other)%n",
                            r + 1, setups.get(s), result.perSecond(), result.p50(), result.p99(), result.accepted(), result.other());
                }
            }
            double none = median(rates[0]);
            double shield = median(rates[1]);
            double akismet = median(rates[2]);
            System.out.printf(Locale.ROOT, "WordPress, no spam plugin:                  %7.1f comments/s%n", none);
            System.out.printf(Locale.ROOT, "WordPress + Gazette Shield (its own check):  %7.1f comments/s  = %.2f x  (cost %.1f %%)%n",
                    shield, shield / none, 100 * (1 - shield / none));
            System.out.printf(Locale.ROOT, "WordPress + Akismet plugin -> Gazette:       %7.1f comments/s  = %.2f x  (cost %.1f %%)%n",
                    akismet, akismet / none, 100 * (1 - akismet / none));
            System.out.printf(Locale.ROOT, "Gazette key stats after the run: %s%n", gazette.get("/1.1/key-stats?api_key=" + key).body());
        }
    }

    private static void use(WordPress wp, String setup) {
        String code = switch (setup) {
            case "none" -> "deactivate_plugins(array('akismet/akismet.php', 'gazette-shield/gazette-shield.php'));";
            case "shield" -> "deactivate_plugins('akismet/akismet.php'); activate_plugin('gazette-shield/gazette-shield.php');";
            case "akismet" -> "activate_plugin('gazette-shield/gazette-shield.php'); activate_plugin('akismet/akismet.php');";
            default -> throw new IllegalArgumentException(setup);
        };
        wp.php(code);
    }

    private static Result wrk(WordPress wp, String postId, int seconds, int connections, String run)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "60s", "--latency",
                "-s", "bench/post-reply.lua", wp.url("")));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TARGET", "wordpress");
        pb.environment().put("POST_ID", postId);
        pb.environment().put("RUN", run);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("ACCEPTED (\\d+) OTHER (\\d+) SECONDS \\S+ ACCEPTED_PER_SECOND (\\S+) P50_MS (\\S+) P99_MS (\\S+)")
                .matcher(out);
        if (!m.find()) throw new IllegalStateException("wrk said:\n" + out);
        return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    record Result(long accepted, long other, double perSecond, double p50, double p99) {}
}
