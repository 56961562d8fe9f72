package dev.gazette.media;

import java.net.URI;

/**
 * An S3-compatible bucket for the pictures' files. {@link #toString()} leaves the secret key out, so printing the
 * settings never shows it.
 *
 * @param endpoint the server's address (http://127.0.0.1:9000 for a self-hosted one, addressed path-style); empty
 *                 for Amazon S3 itself in {@code region}
 */
public record S3Settings(String endpoint, String region, String bucket, String accessKey, String secretKey) {
    public S3Settings {
        endpoint = endpoint.strip();
        region = region.strip();
        bucket = bucket.strip();
        accessKey = accessKey.strip();
    }

    /** No bucket: what every store but {@code s3} runs with. */
    public static S3Settings none() {
        return new S3Settings("", "us-east-1", "", "", "");
    }

    /** Each thing that keeps these settings from reaching a bucket, in words that say what to set. */
    public void check() {
        if (!endpoint.isEmpty()) {
            URI uri;
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("media.s3.endpoint must be the S3 server's address, such as"
                        + " http://127.0.0.1:9000 or https://s3.example.org, not '" + endpoint + "'");
            }
        }
        if (region.isEmpty()) {
            throw new IllegalArgumentException("media.s3.region must name the bucket's region (us-east-1 for most"
                    + " self-hosted servers) when media.store is s3");
        }
        // S3's own rule for bucket names, so a typo is told at start rather than as a server's error code.
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("media.s3.bucket must name the bucket (3 to 63 lower-case letters,"
                    + " digits, dots and hyphens) when media.store is s3"
                    + (bucket.isEmpty() ? "" : ", not '" + bucket + "'"));
        }
        if (accessKey.isEmpty() || secretKey.isEmpty()) {
            throw new IllegalArgumentException("media.s3.access-key and media.s3.secret-key are both needed when"
                    + " media.store is s3: give them in GAZETTE_MEDIA_S3_ACCESS_KEY and GAZETTE_MEDIA_S3_SECRET_KEY,"
                    + " or in the config file");
        }
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey="
                + accessKey + ", secretKey=" + (secretKey.isEmpty() ? "" : "(set)") + "]";
    }
}
