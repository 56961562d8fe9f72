package dev.gazette.akismet;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's WordPress, served by Debian's nginx and php-fpm over Debian's MariaDB, all started here on loopback in a
 * folder of their own, installed and set up through {@code wp-load.php} (there is no wp-cli in Debian 12). Debian's
 * {@code wp-config.php} reads {@code /etc/wordpress/config-NAME.php}; nginx names this site's file through
 * {@code WORDPRESS_CONFIG}, and it is deleted again on close. {@code WP_HTTP_BLOCK_EXTERNAL} keeps WordPress off the
 * network: only loopback and its own host are reachable. Outside CI, a machine without the packages skips.
 */
public final class WordPress implements AutoCloseable {
    static final Path WORDPRESS = Path.of("/usr/share/wordpress");
    static final Path AKISMET = WORDPRESS.resolve("wp-content/plugins/akismet");
    static final Path PLUGIN = Path.of("integrations/wordpress/gazette-shield");
    static final String PACKAGES = "wordpress php-fpm php-mysql mariadb-server nginx-light";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "an admin password for tests";
    static final String MODERATOR = "moderator";
    static final String MODERATOR_PASSWORD = "a moderator password for tests";

    private final Path dir;
    private final String name;
    private final int port;
    private final List<Process> processes = new ArrayList<>();

    private WordPress(Path dir, String name, int port) {
        this.dir = dir;
        this.name = name;
        this.port = port;
    }

    /**
     * Starts a fresh WordPress with Akismet and Gazette Shield installed (not yet active), an admin and a moderator
     * (an editor, who may moderate comments), and comments published at once unless a plugin says otherwise.
     *
     * @param phpWorkers php-fpm's workers: a few for tests, more for a benchmark
     */
    public static WordPress start(int phpWorkers) {
        if (System.getenv("CI") == null) {
            for (String binary : List.of("/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/sbin/php-fpm8.2",
                    "/usr/sbin/nginx", "/usr/bin/php")) {
                assumeThat(Path.of(binary)).as("install " + PACKAGES + " to run the WordPress tests").exists();
            }
            assumeThat(WORDPRESS.resolve("wp-load.php")).as("install " + PACKAGES + " to run the WordPress tests").exists();
            assumeThat(Files.isWritable(Path.of("/etc/wordpress"))).as("the WordPress tests write /etc/wordpress/config-*.php: run as root").isTrue();
        }
        String name = "gazettetest" + ProcessHandle.current().pid() + "x" + System.nanoTime() % 100_000;
        WordPress wp = null;
        try {
            Path dir = Files.createTempDirectory("gazette-wordpress");
            // nginx and php-fpm work as www-data: they must reach into the folder and write their temp files.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            int port = freePort();
            wp = new WordPress(dir, name, port);
            wp.startDatabase();
            wp.startWeb(phpWorkers);
            wp.install();
            return wp;
        } catch (IOException e) {
            if (wp != null) wp.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            if (wp != null) wp.close();
            throw e;
        }
    }

    /** The site's address for this path, like {@code /wp-login.php}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public int port() {
        return port;
    }

    /**
     * Runs PHP with WordPress loaded (as a request to this site would) and gives what it printed; fails with PHP's
     * output when it exits with an error.
     */
    public String php(String code) {
        return php(code, "");
    }

    private String php(String code, String before) {
        String script = "<?php\n" + before + "$_SERVER['WORDPRESS_CONFIG'] = '" + name + "';\n$_SERVER['HTTP_HOST'] = '127.0.0.1:" + port
                + "';\n$_SERVER['REQUEST_METHOD'] = 'GET';\n$_SERVER['REMOTE_ADDR'] = '127.0.0.1';\n"
                + "require '/usr/share/wordpress/wp-load.php';\nrequire_once ABSPATH . 'wp-admin/includes/plugin.php';\n"
                + code + "\n";
        try {
            Path file = Files.createTempFile(dir, "script", ".php");
            Files.writeString(file, script);
            Process php = new ProcessBuilder("php", "-d", "display_errors=stderr", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!php.waitFor(60, TimeUnit.SECONDS) || php.exitValue() != 0) {
                throw new IllegalStateException("PHP failed:\n" + code + "\n---\n" + out);
            }
            Files.delete(file);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One value from the site's database, as text: {@code $wpdb->get_var(SQL)}. */
    public String sql(String query) {
        return php("echo (string) $wpdb->get_var(\"" + query.replace("\"", "\\\"") + "\");").strip();
    }

    private void startDatabase() throws IOException {
        Path data = dir.resolve("db");
        run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal",
                "--user=root", "--skip-test-db", "--skip-name-resolve"), Duration.ofSeconds(120));
        processes.add(new ProcessBuilder("/usr/sbin/mariadbd", "--no-defaults", "--datadir=" + data,
                "--socket=" + socket(), "--skip-networking", "--pid-file=" + dir.resolve("mariadb.pid"), "--user=root",
                "--log-error=" + dir.resolve("mariadb.log"), "--skip-log-bin", "--innodb-buffer-pool-size=64M",
                "--innodb-flush-log-at-trx-commit=2", "--skip-name-resolve")
                .redirectErrorStream(true).redirectOutput(dir.resolve("mariadb.out").toFile()).start());
        waitFor(() -> Files.exists(socket()), "MariaDB to open " + socket(), "mariadb.log");
        run(List.of("mariadb", "--no-defaults", "-S", socket().toString(), "-uroot", "-e",
                "CREATE DATABASE wordpress; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp';"
                        + " GRANT ALL ON wordpress.* TO 'wp'@'localhost';"), Duration.ofSeconds(30));
    }

    private void startWeb(int phpWorkers) throws IOException {
        int fpmPort = freePort();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path content = Files.createDirectories(dir.resolve("wp-content"));
        Files.createDirectories(content.resolve("plugins"));
        Files.createSymbolicLink(content.resolve("themes"), WORDPRESS.resolve("wp-content/themes"));
        Files.createSymbolicLink(content.resolve("plugins/akismet"), AKISMET);
        copy(PLUGIN, content.resolve("plugins/gazette-shield"));
        Path uploads = Files.createDirectories(content.resolve("uploads"));
        Files.setPosixFilePermissions(uploads, PosixFilePermissions.fromString("rwxrwxrwx"));
        // No mail server here: WordPress would try sendmail for every new comment and the install.
        Path mu = Files.createDirectories(content.resolve("mu-plugins"));
        Files.writeString(mu.resolve("no-mail.php"), "<?php\nadd_filter( 'pre_wp_mail', '__return_false' );\n");
        // Every comment here comes from 127.0.0.1; WordPress would refuse all but one each 15 seconds.
        Files.writeString(mu.resolve("one-address.php"), "<?php\nadd_filter( 'wp_is_comment_flood', '__return_false', 99 );\n");

        Files.writeString(Path.of("/etc/wordpress/config-" + name + ".php"), """
                <?php
                define('DB_NAME', 'wordpress');
                define('DB_USER', 'wp');
                define('DB_PASSWORD', 'wp');
                define('DB_HOST', 'localhost:%1$s');
                define('WP_CONTENT_DIR', '%2$s');
                define('WP_CONTENT_URL', 'http://127.0.0.1:%3$d/wp-content');
                define('WP_HTTP_BLOCK_EXTERNAL', true);
                define('DISABLE_WP_CRON', true);
                define('AUTOMATIC_UPDATER_DISABLED', true);
                define('AUTH_KEY', '%4$s1'); define('SECURE_AUTH_KEY', '%4$s2'); define('LOGGED_IN_KEY', '%4$s3');
                define('NONCE_KEY', '%4$s4'); define('AUTH_SALT', '%4$s5'); define('SECURE_AUTH_SALT', '%4$s6');
                define('LOGGED_IN_SALT', '%4$s7'); define('NONCE_SALT', '%4$s8');
                """.formatted(socket(), content, port, Long.toHexString(new java.security.SecureRandom().nextLong())));

        Files.writeString(dir.resolve("php-fpm.conf"), """
                [global]
                pid = %1$s/php-fpm.pid
                error_log = %1$s/php-fpm.log
                daemonize = no
                [www]
                user = www-data
                group = www-data
                listen = 127.0.0.1:%2$d
                listen.backlog = 1024
                pm = static
                pm.max_children = %3$d
                catch_workers_output = yes
                php_admin_value[error_log] = %1$s/php-errors.log
                php_admin_flag[log_errors] = on
                """.formatted(dir, fpmPort, phpWorkers));
        // Debian's fastcgi_params passes HTTP_HOST without the port, and WordPress then redirects to port 80.
        String params = Files.readString(Path.of("/etc/nginx/fastcgi_params"))
                .replaceAll("(?m)^fastcgi_param\\s+HTTP_HOST\\s+.*$", "fastcgi_param  HTTP_HOST  \\$host:\\$server_port;");
        if (!params.contains("HTTP_HOST")) params += "\nfastcgi_param  HTTP_HOST  $host:$server_port;\n";
        Files.writeString(dir.resolve("fastcgi_params"), params);
        Files.writeString(dir.resolve("nginx.conf"), """
                user www-data;
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log;
                events { worker_connections 1024; }
                http {
                  include /etc/nginx/mime.types;
                  access_log off;
                  client_body_temp_path %1$s/tmp/body;
                  fastcgi_temp_path %1$s/tmp/fastcgi;
                  proxy_temp_path %1$s/tmp/proxy;
                  uwsgi_temp_path %1$s/tmp/uwsgi;
                  scgi_temp_path %1$s/tmp/scgi;
                  server {
                    listen 127.0.0.1:%2$d;
                    server_name 127.0.0.1;
                    root /usr/share/wordpress;
                    index index.php;
                    location ^~ /wp-content/ { alias %1$s/wp-content/; }
                    location / { try_files $uri $uri/ /index.php?$args; }
                    location ~ \\.php$ {
                      try_files $uri =404;
                      include %1$s/fastcgi_params;
                      fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
                      fastcgi_param WORDPRESS_CONFIG %3$s;
                      fastcgi_pass 127.0.0.1:%4$d;
                    }
                  }
                }
                """.formatted(dir, port, name, fpmPort));
        processes.add(new ProcessBuilder("/usr/sbin/php-fpm8.2", "-F", "-y", dir.resolve("php-fpm.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("php-fpm.out").toFile()).start());
        processes.add(new ProcessBuilder("/usr/sbin/nginx", "-e", dir.resolve("nginx-error.log").toString(),
                "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start());
        waitFor(() -> listening(fpmPort), "php-fpm on port " + fpmPort, "php-fpm.out");
        waitFor(() -> listening(port), "nginx on port " + port, "nginx.out");
    }

    private void install() {
        // Until installed, WordPress sends every request to install.php unless it knows it is installing.
        String out = php("""
                require_once ABSPATH . 'wp-admin/includes/upgrade.php';
                $r = wp_install('Shield test blog', '%1$s', 'admin@example.org', true, '', '%2$s');
                update_option('siteurl', '%3$s');
                update_option('home', '%3$s');
                update_option('comment_previously_approved', 0);
                update_option('comment_moderation', 0);
                update_option('require_name_email', 1);
                update_option('comment_max_links', 5);
                update_option('permalink_structure', '');
                wp_insert_user(array('user_login' => '%4$s', 'user_pass' => '%5$s', 'user_email' => 'mod@example.org',
                    'role' => 'editor', 'display_name' => 'Mo Derator'));
                echo 'installed ', $r['user_id'];
                """.formatted(ADMIN, ADMIN_PASSWORD, url(""), MODERATOR, MODERATOR_PASSWORD), "define('WP_INSTALLING', true);\n");
        if (!out.contains("installed 1")) throw new IllegalStateException("WordPress did not install: " + out);
    }

    /** Adds a must-use plugin (always loaded, before the others) to this site; for benches that time requests. */
    public void muPlugin(String file, String code) {
        try {
            Files.writeString(dir.resolve("wp-content/mu-plugins").resolve(file), code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a must-use plugin {@link #muPlugin} added. */
    public void removeMuPlugin(String file) {
        try {
            Files.deleteIfExists(dir.resolve("wp-content/mu-plugins").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder php-fpm's workers may write to, read back by a bench. */
    public Path scratch() {
        return dir.resolve("tmp");
    }

    /** The servers' processes (MariaDB, php-fpm, nginx) with their workers, for a bench that pins them to cores. */
    public List<Long> pids() {
        List<Long> all = new ArrayList<>();
        for (Process p : processes) {
            all.add(p.pid());
            p.descendants().forEach(d -> all.add(d.pid()));
        }
        return all;
    }

    /** What the site's logs hold, for a failure message. */
    public String logs() {
        StringBuilder all = new StringBuilder();
        for (String log : List.of("php-errors.log", "php-fpm.log", "nginx-error.log")) {
            Path file = dir.resolve(log);
            try {
                if (Files.exists(file)) all.append("--- ").append(log).append('\n').append(Files.readString(file));
            } catch (IOException e) {
                all.append("(").append(log).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        return all.toString();
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(Path.of("/etc/wordpress/config-" + name + ".php"));
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            // A temporary folder left behind is no failure.
        }
    }

    private Path socket() {
        return dir.resolve("mariadb.sock");
    }

    private void run(List<String> command, Duration limit) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitFor(java.util.function.BooleanSupplier ready, String what, String log) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!ready.getAsBoolean()) {
            for (Process p : processes) {
                if (!p.isAlive()) throw new IllegalStateException("A server stopped while waiting for " + what + ":\n" + read(log));
            }
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("Timed out waiting for " + what + ":\n" + read(log));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String read(String log) {
        try {
            return Files.readString(dir.resolve(log)) + logs();
        } catch (IOException e) {
            return logs();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
