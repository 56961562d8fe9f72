package dev.gazette.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: S3Proxy (from Maven Central, copied to target/s3proxy by the build) in a JVM
 * of its own, its buckets as folders in a temporary directory, on a free loopback port. Stopped and started again,
 * it keeps its buckets and port, as a server restarted would.
 */
final class S3Proxy implements AutoCloseable {
    static final String ACCESS_KEY = "gazette-test-access";
    static final String SECRET_KEY = "gazette-test-secret-" + UUID.randomUUID();
    private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");

    private final Path folder;
    private final int port;
    private Process process;

    private S3Proxy(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    static S3Proxy start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the tests through Maven, whose"
                    + " generate-test-resources phase copies S3Proxy there");
        }
        try (ServerSocket free = new ServerSocket(0)) {
            S3Proxy proxy = new S3Proxy(Files.createTempDirectory("gazette-s3proxy"), free.getLocalPort());
            free.close();
            proxy.startAgain();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server (again), and returns once it takes connections. */
    void startAgain() {
        try {
            Path blobs = Files.createDirectories(folder.resolve("blobs"));
            Path properties = folder.resolve("s3proxy.properties");
            Files.write(properties, List.of(
                    "s3proxy.endpoint=" + endpoint(),
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + blobs.toAbsolutePath()));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-jar",
                    JAR.toAbsolutePath().toString(), "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("s3proxy.log").toFile())
                    .start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!answers()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Proxy stopped at start; see " + folder.resolve("s3proxy.log"));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("S3Proxy did not start in 90 s; see " + folder.resolve("s3proxy.log"));
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Settings for a bucket on this server, under the test's keys. */
    S3Settings settings(String bucket) {
        return new S3Settings(endpoint(), "us-east-1", bucket, ACCESS_KEY, SECRET_KEY);
    }

    /** A new, empty bucket's settings. */
    S3Settings newBucket() {
        String bucket = "pictures-" + UUID.randomUUID().toString().substring(0, 12);
        try (S3Client admin = S3Client.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create(endpoint())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            admin.createBucket(b -> b.bucket(bucket));
        }
        return settings(bucket);
    }

    /** Stops the server at once, as a crash or a network cut would take it away. */
    void stop() {
        if (process == null) return;
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
