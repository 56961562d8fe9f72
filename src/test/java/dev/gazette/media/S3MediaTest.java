package dev.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several nodes: the variants in a bucket on a real S3-compatible server (S3Proxy), the descriptions in SQLite. */
class S3MediaTest extends MediaLibraryContract {
    private static S3Proxy server;
    private final List<S3MediaFiles> opened = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = S3Proxy.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeClients() {
        opened.forEach(S3MediaFiles::close);
    }

    @Override
    Database openDatabase() {
        return TestDatabases.sqlite();
    }

    @Override
    MediaFiles files(Database db) {
        return open(server.newBucket());
    }

    private S3MediaFiles open(S3Settings settings) {
        S3MediaFiles files = S3MediaFiles.open(settings);
        opened.add(files);
        return files;
    }

    /** A server of its own, stopped as a crash would stop it. */
    @Override
    StoreAway storeThatGoesAway() {
        S3Proxy own = S3Proxy.start();
        return new StoreAway(open(own.newBucket()), own::stop, own::close);
    }

    @Test
    void aStoreBackAfterAnOutageServesWhatItHeld() {
        S3Proxy own = S3Proxy.start();
        try {
            S3MediaFiles files = open(own.newBucket());
            String name = "0123456789abcdef0123456789abcdef-480.jpg";
            files.put(name, new byte[] {4, 2});
            own.stop();
            assertThatThrownBy(() -> files.get(name)).isInstanceOf(MediaStoreUnavailable.class)
                    .hasMessageContaining("Cannot read " + name);
            own.startAgain();
            assertThat(files.get(name)).hasValueSatisfying(b -> assertThat(b).containsExactly(4, 2));
        } finally {
            own.close();
        }
    }

    @Test
    void aMissingBucketIsToldInWordsAtStart() {
        assertThatThrownBy(() -> open(server.settings("no-such-bucket")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The picture bucket 'no-such-bucket' does not exist at " + server.endpoint()
                        + ". Create it, or set media.s3.bucket to one that exists.");
    }

    @Test
    void anUnreachableServerIsToldInWordsAtStart() throws IOException {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        S3Settings settings = new S3Settings("http://127.0.0.1:" + closed, "us-east-1", "pictures",
                S3Proxy.ACCESS_KEY, S3Proxy.SECRET_KEY);
        assertThatThrownBy(() -> open(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot reach the S3 store at http://127.0.0.1:" + closed)
                .hasMessageEndingWith("Check media.s3.endpoint, and that the server is running.");
    }

    @Test
    void aWrongSecretKeyIsToldInWordsAndNeverShown() {
        S3Settings right = server.newBucket();
        S3Settings wrong = new S3Settings(right.endpoint(), right.region(), right.bucket(), right.accessKey(),
                "not-the-secret-key");
        assertThatThrownBy(() -> open(wrong))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(server.endpoint() + " refused media.s3.access-key for the bucket '"
                        + right.bucket() + "'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-secret-key"));
        assertThat(wrong.toString()).doesNotContain("not-the-secret-key").contains(right.bucket());
    }
}
