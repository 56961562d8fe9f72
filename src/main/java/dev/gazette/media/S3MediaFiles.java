package dev.gazette.media;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Variants as objects in an S3-compatible bucket (Amazon S3, MinIO, Garage, Ceph…): every node reads the same pictures
 * without the database carrying their bytes. Self-hosted servers are addressed path-style (http://host/bucket/name),
 * which needs no wildcard DNS.
 */
public final class S3MediaFiles implements MediaFiles {
    private final S3Client client;
    private final String bucket;
    private final String where;

    private S3MediaFiles(S3Client client, String bucket, String where) {
        this.client = client;
        this.bucket = bucket;
        this.where = where;
    }

    /**
     * Connects to the bucket and checks that it is there and these keys may use it.
     *
     * @throws IllegalStateException saying in words what is wrong (server unreachable, no such bucket, keys refused)
     */
    public static S3MediaFiles open(S3Settings settings) {
        settings.check();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(20)))
                // Checksums only where S3 requires them: the newer default (trailing CRC in aws-chunked bodies) is
                // refused by several S3-compatible servers, and each name already holds a hash of its content.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // One retry, not the SDK's two: it rides out a dropped connection; more only keep a reader waiting on a server away.
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30))
                        .retryStrategy(b -> b.maxAttempts(2)));
        String where;
        if (settings.endpoint().isEmpty()) {
            where = "Amazon S3 (" + settings.region() + ")";
        } else {
            builder.endpointOverride(URI.create(settings.endpoint())).forcePathStyle(true);
            where = settings.endpoint();
        }
        S3MediaFiles files = new S3MediaFiles(builder.build(), settings.bucket(), where);
        try {
            files.checkBucket();
            return files;
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    private void checkBucket() {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e instanceof NoSuchBucketException || e.statusCode() == 404) {
                throw new IllegalStateException("The picture bucket '" + bucket + "' does not exist at " + where
                        + ". Create it, or set media.s3.bucket to one that exists.", e);
            }
            if (e.statusCode() == 403 || e.statusCode() == 401) {
                throw new IllegalStateException(where + " refused media.s3.access-key for the bucket '" + bucket
                        + "' (HTTP " + e.statusCode() + "). Check the access key and secret key, and that they may"
                        + " read and write that bucket.", e);
            }
            throw new IllegalStateException("The S3 store at " + where + " answered HTTP " + e.statusCode()
                    + " when asked for the bucket '" + bucket + "'. Check media.s3.endpoint and media.s3.region.", e);
        } catch (SdkClientException e) {
            throw new IllegalStateException("Cannot reach the S3 store at " + where + " (" + e.getMessage()
                    + "). Check media.s3.endpoint, and that the server is running.", e);
        }
    }

    @Override
    public void put(String name, byte[] bytes) {
        String key = MediaFiles.checked(name);
        // A name comes from its content, so one already there holds these bytes: keep it, as the other stores do.
        if (exists(key)) return;
        call(() -> client.putObject(b -> b.bucket(bucket).key(key).contentType(contentType(key))
                .contentLength((long) bytes.length), RequestBody.fromBytes(bytes)), "store " + key);
    }

    @Override
    public Optional<byte[]> get(String name) {
        String key = MediaFiles.checked(name);
        try {
            return Optional.of(call(() -> client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray(),
                    "read " + key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private boolean exists(String key) {
        try {
            call(() -> client.headObject(b -> b.bucket(bucket).key(key)), "look for " + key);
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    /** The SDK's failures as the site tells them: a server away or overloaded is unavailable, the rest a fault. */
    private <T> T call(Supplier<T> request, String what) {
        try {
            return request.get();
        } catch (NoSuchKeyException e) {
            throw e;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) throw NoSuchKeyException.builder().message(e.getMessage()).cause(e).build();
            if (e.statusCode() >= 500) throw unavailable(what, e);
            throw e;
        } catch (SdkClientException e) {
            throw unavailable(what, e);
        }
    }

    private MediaStoreUnavailable unavailable(String what, SdkException e) {
        return new MediaStoreUnavailable("Cannot " + what + " in the bucket '" + bucket + "' at " + where
                + ": " + e.getMessage());
    }

    private static String contentType(String name) {
        return Variant.contentType(name.substring(name.lastIndexOf('.') + 1));
    }

    @Override
    public void close() {
        client.close();
    }
}
