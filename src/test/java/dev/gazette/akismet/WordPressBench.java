package dev.gazette.akismet;

import dev.gazette.ops.OpsSettings;
import dev.gazette.web.TestSite;
import dev.gazette.web.TrustedProxies;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/wordpress}: comments WordPress accepts per second through wp-comments-post.php, with no spam plugin,
 * with Gazette Shield checking each comment against a Gazette server, and with the Akismet plugin sent to the same
 * server by Gazette Shield; the three in turn, in one run, on one WordPress, with the ratios. Twice: with every
 * process free to use both cores ("shared"), and with Gazette (and wrk) pinned to one core and WordPress (nginx,
 * php-fpm, MariaDB) to the other ("pinned"), which separates the CPU Gazette takes from WordPress from the time
 * WordPress waits for Gazette's answer. Beside each run: where a comment's time goes, from a bench-only must-use
 * plugin in WordPress (bench/wp-timing.php) and from Gazette's own request timer and CPU time.
 */
public final class WordPressBench {
    private static final List<String> SETUPS = List.of("none", "shield", "akismet");
    /**
     * Setups that take the shield apart to find where its cost goes (named in the 6th argument; bench/wp-parts.php):
     * "shield-nometa" keeps no comment meta row, "shield-local" is answered in PHP without calling Gazette.
     */
    private static final List<String> PARTS = List.of("shield-nometa", "shield-local");
    private static final List<String> MODES = List.of("shared", "pinned");
    /** Milliseconds of JIT compilation in a warm-up batch below which the check path counts as compiled. */
    private static final long QUIET_JIT_MS = 50;

    private WordPressBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        List<String> modes = args.length > 4 ? List.of(args[4].split(",")) : MODES;
        List<String> setups = args.length > 5 ? List.of(args[5].split(",")) : SETUPS;
        for (String s : setups) {
            if (!SETUPS.contains(s) && !PARTS.contains(s)) throw new IllegalArgumentException("no setup " + s + "; " + SETUPS + PARTS);
        }
        if (!setups.get(0).equals("none")) throw new IllegalArgumentException("the first setup is the baseline: none");
        int cores = Runtime.getRuntime().availableProcessors();
        OpsSettings ops = new OpsSettings(Duration.ofSeconds(20), 0, "", TrustedProxies.parse("127.0.0.1"));
        try (WordPress wp = WordPress.start(workers);
             TestSite gazette = TestSite.start(new AkismetSettings(100_000_000, Duration.ofDays(15)), ops, g -> {})) {
            String key = gazette.gazette().apiKeys().add(wp.url(""));
            String postId = wp.sql("SELECT ID FROM wp_posts WHERE post_type = 'post' AND post_status = 'publish' LIMIT 1");
            wp.php("update_option('gazette_shield_url', '" + gazette.url("") + "'); update_option('gazette_shield_key', '"
                    + key + "'); update_option('wordpress_api_key', '" + key + "'); update_option('gazette_bench_setup', 'none');");
            Path log = wp.scratch().resolve("bench-timing.log");
            wp.muPlugin("gazette-bench-timing.php", "<?php\ndefine('GAZETTE_BENCH_LOG', '" + log + "');\n"
                    + Files.readString(Path.of("bench/wp-timing.php")).replaceFirst("^<\\?php", ""));
            wp.muPlugin("gazette-bench-parts.php", Files.readString(Path.of("bench/wp-parts.php")));
            warm(gazette, key, 10_000);
            System.out.printf(Locale.ROOT, "WordPress %s (Debian), php-fpm %d workers, nginx, MariaDB; Gazette on SQLite in this"
                    + " JVM; wrk %d s x %d connections, %d round(s) each, the setups' order turning each round; %d cores; modes %s%n",
                    wp.php("echo get_bloginfo('version');").strip(), workers, seconds, connections, rounds, cores, modes);
            if (modes.contains("pinned") && cores < 2) throw new IllegalStateException("pinned needs 2 cores");
            System.out.println("  per comment (means): wall = PHP request time, cpu = PHP CPU, q = database queries,"
                    + " hook = preprocess_comment's spam checks, http = HTTP calls to Gazette as PHP sees them (wall, PHP CPU);"
                    + " per check: gz = Gazette's answer time (its request timer), gzcpu = Gazette's JVM CPU time / checks;"
                    + " CPU per comment: wp = WordPress's processes (php-fpm, nginx, MariaDB), jvm = this JVM (Gazette);"
                    + " busy = share of the machine's CPU in use, other = CPU/s of processes outside the bench");
            double[][][] rates = new double[modes.size()][setups.size()][rounds];
            double[][][] cpus = new double[modes.size()][setups.size()][rounds];
            int run = 0;
            for (int r = 0; r < rounds; r++) {
                for (int m = 0; m < modes.size(); m++) {
                    pin(wp, modes.get(m), cores);
                    for (int i = 0; i < setups.size(); i++) {
                        // Each round starts with another setup, so a load that rises or falls during the run spreads
                        // over all of them instead of weighing on the one always measured last.
                        int s = (i + r) % setups.size();
                        use(wp, setups.get(s));
                        wrk(wp, modes.get(m), postId, 3, connections, "warm" + run++); // caches and opcache after the switch
                        // Every run starts from no comments: WordPress's duplicate check and comment count read all the
                        // post's comments, so a comment costs more the more there are, and the setup measured later
                        // in a run, on a post with thousands more, would pay for that too.
                        wp.php("$wpdb->query(\"TRUNCATE TABLE $wpdb->comments\"); $wpdb->query(\"TRUNCATE TABLE $wpdb->commentmeta\");"
                                + " $wpdb->query(\"UPDATE $wpdb->posts SET comment_count = 0\");");
                        Files.deleteIfExists(log);
                        Gazette before = Gazette.read(gazette);
                        Cpu cpuBefore = Cpu.read(wp);
                        Map<String, Long> threadsBefore = Threads.cpu();
                        Result result = wrk(wp, modes.get(m), postId, seconds, connections, "run" + run++);
                        Cpu cpuAfter = Cpu.read(wp);
                        Map<String, Long> threadsAfter = Threads.cpu();
                        Gazette after = Gazette.read(gazette);
                        Pieces p = Pieces.read(log);
                        long checks = after.checks() - before.checks();
                        double wpMs = cpuAfter.wordPressMs() - cpuBefore.wordPressMs();
                        double jvmMs = (after.cpuNanos() - before.cpuNanos()) / 1e6;
                        double machineMs = cpuAfter.busyMs() - cpuBefore.busyMs();
                        double wallMs = cpuAfter.wallMs() - cpuBefore.wallMs();
                        double wrkMs = cpuAfter.childrenMs() - cpuBefore.childrenMs(); // wrk, reaped by this JVM
                        rates[m][s][r] = result.perSecond();
                        cpus[m][s][r] = (wpMs + jvmMs) / result.accepted();
                        System.out.printf(Locale.ROOT, "  round %d %-6s %-13s %6.1f comments/s  p50 %6.1f ms  p99 %7.1f ms  (%d accepted,"
                                        + " %d other)  wall %5.1f cpu %5.1f q %4.1f hook %5.1f (cpu %4.1f) http %5.1f (cpu %4.1f) x%.1f  gz %5.2f gzcpu %5.2f ms"
                                        + "  CPU/comment wp %5.2f jvm %5.2f ms  busy %3.0f %% other %4.0f ms/s  load %s%n",
                                r + 1, modes.get(m), setups.get(s), result.perSecond(), result.p50(), result.p99(),
                                result.accepted(), result.other(), p.wall(), p.cpu(), p.queries(), p.hook(), p.hookCpu(), p.http(), p.httpCpu(), p.calls(),
                                checks == 0 ? 0 : (after.seconds() - before.seconds()) * 1000 / checks,
                                checks == 0 ? 0 : jvmMs / checks,
                                wpMs / result.accepted(), jvmMs / result.accepted(),
                                100 * machineMs / (wallMs * cores), Math.max(0, machineMs - wpMs - jvmMs - wrkMs) / (wallMs / 1000), load());
                        if (checks > 0) System.out.println("      Gazette's CPU per check by thread: " + Threads.perCheck(threadsBefore, threadsAfter, checks));
                    }
                }
            }
            pin(wp, "shared", cores);
            for (int m = 0; m < modes.size(); m++) {
                double none = median(rates[m][0]);
                double noneCpu = median(cpus[m][0]);
                String where = modes.get(m).equals("pinned") ? "pinned: Gazette and wrk on core 0, WordPress on core 1"
                        : "shared: every process on all cores";
                System.out.printf(Locale.ROOT, "%s, medians of %d round(s), load %s%n", where, rounds, load());
                System.out.printf(Locale.ROOT, "  %-44s %7.1f comments/s                     CPU %5.2f ms/comment (WordPress + Gazette)%n",
                        "WordPress, no spam plugin:", none, noneCpu);
                for (int s = 1; s < setups.size(); s++) {
                    double rate = median(rates[m][s]);
                    double cpu = median(cpus[m][s]);
                    System.out.printf(Locale.ROOT, "  %-44s %7.1f comments/s  = %.2f x  (cost %4.1f %%)  CPU %5.2f ms/comment (+%.1f %%)%n",
                            "WordPress + " + describe(setups.get(s)) + ":", rate, rate / none, 100 * (1 - rate / none), cpu,
                            100 * (cpu / noneCpu - 1));
                }
            }
            System.out.printf(Locale.ROOT, "Gazette key stats after the run: %s%n", gazette.get("/1.1/key-stats?api_key=" + key).body());
        }
    }

    private static String describe(String setup) {
        return switch (setup) {
            case "shield" -> "Gazette Shield (its own check)";
            case "akismet" -> "Akismet plugin -> Gazette";
            case "shield-nometa" -> "Gazette Shield, no meta row";
            case "shield-local" -> "Gazette Shield, answered in PHP";
            default -> setup;
        };
    }

    /**
     * A Gazette that has served a while has its check path compiled; a fresh JVM has not, and its JIT compiler then
     * takes more CPU than the checks themselves. So Gazette first answers this many checks made as WordPress makes
     * them (the Akismet fields Gazette Shield sends, HTTP/1.0 and a new connection each, as the fsockopen transport of
     * WordPress's Requests does), and what one costs warm is printed. Then more, a batch at a time, until a batch no
     * longer keeps the JIT compiler busy: at WordPress's tens of checks a second, C2 was still compiling the check
     * path after 10,000, and its threads took more CPU per check than Jetty's (bench/akismet-low-rate).
     */
    private static void warm(TestSite gazette, String key, int checks) throws IOException {
        warmBatch(gazette, key, checks, 0);
        var jit = ManagementFactory.getCompilationMXBean();
        for (int done = checks, batch = 2_000; done < 5 * checks; done += batch) {
            long before = jit.getTotalCompilationTime();
            warmBatch(gazette, key, batch, done);
            long compiling = jit.getTotalCompilationTime() - before;
            if (compiling < QUIET_JIT_MS) {
                System.out.printf(Locale.ROOT, "  JIT quiet after %d checks (%d ms compiling in the last %d)%n", done + batch,
                        compiling, batch);
                return;
            }
        }
        System.out.printf(Locale.ROOT, "  JIT still compiling after %d checks: the figures below include it%n", 5 * checks);
    }

    private static void warmBatch(TestSite gazette, String key, int checks, int first) throws IOException {
        int port = java.net.URI.create(gazette.url("/")).getPort();
        Gazette before = Gazette.read(gazette);
        long start = System.nanoTime();
        for (int i = first; i < first + checks; i++) {
            String body = "blog=http%3A%2F%2F127.0.0.1%2F&blog_lang=en_US&blog_charset=UTF-8&user_ip=127.0.0.1"
                    + "&user_agent=Mozilla%2F5.0+%28X11%3B+Linux+x86_64%29+Gecko%2F20100101+Firefox%2F128.0&referrer="
                    + "&permalink=http%3A%2F%2F127.0.0.1%2F%3Fp%3D1&comment_type=comment&comment_author=Warm+Reader+" + i % 50
                    + "&comment_author_email=reader" + i % 50 + "%40example.org&comment_author_url="
                    + "&comment_content=Warm-up+comment+" + i + "+about+the+ferry+timetable+and+the+new+harbour+stop.&api_key=" + key;
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("POST /1.1/comment-check HTTP/1.0\r\nHost: 127.0.0.1:" + port
                        + "\r\nUser-Agent: WordPress/6.1.9 | GazetteShield/1.0.0\r\nConnection: Close\r\n"
                        + "Content-Type: application/x-www-form-urlencoded; charset=UTF-8\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!answer.endsWith("false") && !answer.endsWith("true")) throw new IllegalStateException("Gazette said:\n" + answer);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Gazette after = Gazette.read(gazette);
        long n = after.checks() - before.checks();
        System.out.printf(Locale.ROOT, "Gazette warmed with %d checks as WordPress makes them: %.0f checks/s, answer %.2f ms,"
                + " JVM CPU %.2f ms per check (the client's side is in this JVM too)  load %s%n", n, n / seconds,
                (after.seconds() - before.seconds()) * 1000 / n, (after.cpuNanos() - before.cpuNanos()) / 1e6 / n, load());
    }

    private static void use(WordPress wp, String setup) {
        String code = switch (setup) {
            case "none" -> "deactivate_plugins(array('akismet/akismet.php', 'gazette-shield/gazette-shield.php'));";
            case "shield" -> "deactivate_plugins('akismet/akismet.php'); activate_plugin('gazette-shield/gazette-shield.php');";
            case "akismet" -> "activate_plugin('gazette-shield/gazette-shield.php'); activate_plugin('akismet/akismet.php');";
            case "shield-nometa", "shield-local" -> "deactivate_plugins('akismet/akismet.php'); activate_plugin('gazette-shield/gazette-shield.php');";
            default -> throw new IllegalArgumentException(setup);
        };
        wp.php(code + " update_option('gazette_bench_setup', '" + setup + "');");
    }

    /** Pins this JVM (Gazette) to core 0 and WordPress's servers to core 1, or lets every process use every core. */
    private static void pin(WordPress wp, String mode, int cores) throws IOException, InterruptedException {
        String all = "0-" + (cores - 1);
        taskset(mode.equals("pinned") ? "0" : all, ProcessHandle.current().pid());
        for (long pid : wp.pids()) taskset(mode.equals("pinned") ? "1" : all, pid);
    }

    private static void taskset(String cpus, long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, String.valueOf(pid)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("taskset failed: " + out);
    }

    private static Result wrk(WordPress wp, String mode, String postId, int seconds, int connections, String run)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "60s", "--latency",
                "-s", "bench/post-reply.lua", wp.url("")));
        if (mode.equals("pinned")) command.addAll(0, List.of("taskset", "-c", "0"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TARGET", "wordpress");
        pb.environment().put("POST_ID", postId);
        pb.environment().put("RUN", run);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("ACCEPTED (\\d+) OTHER (\\d+) SECONDS (\\S+) ACCEPTED_PER_SECOND (\\S+) P50_MS (\\S+) P99_MS (\\S+)")
                .matcher(out);
        if (!m.find()) throw new IllegalStateException("wrk said:\n" + out);
        return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)));
    }

    private static String load() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    record Result(long accepted, long other, double seconds, double perSecond, double p50, double p99) {}

    /**
     * CPU time so far of WordPress's processes (each php-fpm worker, nginx, MariaDB) and of this JVM's reaped
     * children (wrk), the machine's busy CPU time (all cores), and the wall clock; all in ms.
     */
    record Cpu(double wordPressMs, double childrenMs, double busyMs, double wallMs) {
        private static final double TICK_MS = 10; // USER_HZ is 100 on Linux

        static Cpu read(WordPress wp) throws IOException {
            double wordPress = 0;
            for (long pid : wp.pids()) {
                Path stat = Path.of("/proc/" + pid + "/stat");
                if (Files.exists(stat)) wordPress += ticks(Files.readString(stat), 11, 12) * TICK_MS;
            }
            double children = ticks(Files.readString(Path.of("/proc/self/stat")), 13, 14) * TICK_MS;
            String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 7; i++) if (i != 4 && i != 5) busy += Long.parseLong(all[i]); // not idle, iowait, steal
            return new Cpu(wordPress, children, busy * TICK_MS, System.nanoTime() / 1e6);
        }

        /** Sum of two fields of a /proc stat line, counted from the field after the command's closing parenthesis. */
        private static long ticks(String stat, int a, int b) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[a]) + Long.parseLong(f[b]);
        }
    }

    /** CPU time of this JVM's threads, by name with numbers folded ("qtp-N"), in ns. */
    static final class Threads {
        static Map<String, Long> cpu() {
            var mx = ManagementFactory.getThreadMXBean();
            Map<String, Long> byName = new TreeMap<>();
            for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (info == null) continue;
                long ns = mx.getThreadCpuTime(info.getThreadId());
                if (ns > 0) byName.merge(info.getThreadId() + " " + info.getThreadName().replaceAll("\\d+", "N"), ns, Long::sum);
            }
            return byName;
        }

        /** The groups' CPU between two readings, per check, largest first (threads born in between count whole). */
        static String perCheck(Map<String, Long> before, Map<String, Long> after, long checks) {
            Map<String, Double> groups = new HashMap<>();
            after.forEach((id, ns) -> groups.merge(id.substring(id.indexOf(' ') + 1), (ns - before.getOrDefault(id, 0L)) / 1e6 / checks, Double::sum));
            StringBuilder out = new StringBuilder();
            groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(7)
                    .forEach(e -> out.append(String.format(Locale.ROOT, "%s %.3f  ", e.getKey(), e.getValue())));
            return out.append("ms").toString();
        }
    }

    /** Means per comment of what bench/wp-timing.php logged. */
    record Pieces(double wall, double cpu, double queries, double hook, double http, double calls, double hookCpu, double httpCpu) {
        static Pieces read(Path log) throws IOException {
            if (!Files.exists(log)) return new Pieces(0, 0, 0, 0, 0, 0, 0, 0);
            double[] sum = new double[8];
            int n = 0;
            for (String line : Files.readAllLines(log)) {
                String[] f = line.strip().split(" ");
                if (f.length != 8) continue;
                for (int i = 0; i < 8; i++) sum[i] += Double.parseDouble(f[i]);
                n++;
            }
            if (n == 0) return new Pieces(0, 0, 0, 0, 0, 0, 0, 0);
            return new Pieces(sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, sum[4] / n, sum[5] / n, sum[6] / n, sum[7] / n);
        }
    }

    /** Gazette's comment-check answers so far (count and seconds, from its request timer) and this JVM's CPU time. */
    record Gazette(long checks, double seconds, long cpuNanos) {
        private static final Pattern LINE = Pattern.compile(
                "(?m)^http_server_requests_seconds_(count|sum)\\{[^}]*route=\"/1\\.1/comment-check\"[^}]*} (\\S+)$");

        static Gazette read(TestSite site) {
            String text = site.get("/metrics").body();
            long count = 0;
            double sum = 0;
            Matcher m = LINE.matcher(text);
            while (m.find()) {
                if (m.group(1).equals("count")) count += (long) Double.parseDouble(m.group(2));
                else sum += Double.parseDouble(m.group(2));
            }
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            return new Gazette(count, sum, cpu);
        }
    }
}
