package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsServeTheEmbeddedDatabaseInsideDataOnPort8080() {
        Settings s = SettingsLoader.load(Map.of(), Map.of(), Optional.empty());
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.dataDir()).isEqualTo(Path.of("data"));
        assertThat(s.dbUrl()).startsWith("jdbc:sqlite:").endsWith("data/gazette.db");
        assertThat(s.sampleContent()).isTrue();
    }

    @Test
    void optionBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path config = dir.resolve("site.properties");
        Files.writeString(config, "port=7001\nsite.title=From file\ndata=/from/file\nhost=127.0.0.2\n");
        Map<String, String> env = Map.of("GAZETTE_PORT", "7002", "GAZETTE_DATA", "/from/env");
        Settings s = SettingsLoader.load(Map.of("port", "7003"), env, Optional.of(config));

        assertThat(s.port()).isEqualTo(7003);
        assertThat(s.dataDir()).isEqualTo(Path.of("/from/env"));
        assertThat(s.siteTitle()).isEqualTo("From file");
        assertThat(s.host()).isEqualTo("127.0.0.2");
        assertThat(s.dbUrl()).isEqualTo("jdbc:sqlite:/from/env/gazette.db");
    }

    @Test
    void databaseUrlFromTheEnvironment() {
        Settings s = SettingsLoader.load(Map.of(), Map.of("GAZETTE_DB_URL", "jdbc:postgresql://db/gazette"), Optional.empty());
        assertThat(s.dbUrl()).isEqualTo("jdbc:postgresql://db/gazette");
    }

    @Test
    void configFileNamedByTheEnvironment() throws Exception {
        Path config = dir.resolve("env.properties");
        Files.writeString(config, "site.title=Named by env\n");
        Settings s = SettingsLoader.load(Map.of(), Map.of("GAZETTE_CONFIG", config.toString()), Optional.empty());
        assertThat(s.siteTitle()).isEqualTo("Named by env");
    }

    @Test
    void mailIsOffWithoutAHostAndTakesItsSettingsFromTheEnvironmentOrFileWithoutEverPrintingThePassword()
            throws Exception {
        assertThat(SettingsLoader.load(Map.of(), Map.of(), Optional.empty()).mail().enabled()).isFalse();

        Path config = dir.resolve("mail.properties");
        Files.writeString(config, "mail.host=smtp.example.org\nmail.tls=starttls\nmail.user=newsroom\n"
                + "mail.from=newsroom@example.org\nmail.digest-minutes=30\n");
        Settings s = SettingsLoader.load(Map.of(), Map.of("GAZETTE_MAIL_PASSWORD", "s3cret-pass"), Optional.of(config));
        assertThat(s.mail().enabled()).isTrue();
        assertThat(s.mail().port()).as("STARTTLS's submission port by default").isEqualTo(587);
        assertThat(s.mail().tls()).isEqualTo(dev.gazette.mail.MailSettings.Tls.STARTTLS);
        assertThat(s.mail().password()).isEqualTo("s3cret-pass");
        assertThat(s.mail().digestMinutes()).isEqualTo(30);
        assertThat(s.toString()).contains("smtp.example.org").doesNotContain("s3cret-pass");

        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("GAZETTE_MAIL_HOST", "smtp.example.org"),
                Optional.empty())).hasMessageContaining("mail.from must be the address the site sends from");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("GAZETTE_MAIL_TLS", "ssl"), Optional.empty()))
                .hasMessageContaining("mail.tls must be none, starttls or tls, not 'ssl'");
    }

    @Test
    void anS3BucketForPicturesTakesItsKeysFromTheEnvironmentOrFileAndNeverPrintsTheSecret() throws Exception {
        Path config = dir.resolve("s3.properties");
        Files.writeString(config, "media.store=s3\nmedia.s3.endpoint=http://127.0.0.1:9000\n"
                + "media.s3.bucket=gazette-pictures\nmedia.s3.access-key=newsroom\n");
        Settings s = SettingsLoader.load(Map.of(), Map.of("GAZETTE_MEDIA_S3_SECRET_KEY", "s3cret-key"),
                Optional.of(config));
        assertThat(s.media().store()).isEqualTo("s3");
        assertThat(s.media().s3().endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(s.media().s3().region()).isEqualTo("us-east-1");
        assertThat(s.media().s3().bucket()).isEqualTo("gazette-pictures");
        assertThat(s.media().s3().accessKey()).isEqualTo("newsroom");
        assertThat(s.media().s3().secretKey()).isEqualTo("s3cret-key");
        assertThat(s.toString()).contains("gazette-pictures").doesNotContain("s3cret-key");

        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of(), Optional.of(config)))
                .hasMessageContaining("media.s3.access-key and media.s3.secret-key are both needed");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("GAZETTE_MEDIA_STORE", "s3"), Optional.empty()))
                .hasMessageContaining("media.s3.bucket must name the bucket");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("GAZETTE_MEDIA_S3_SECRET_KEY", "k",
                "GAZETTE_MEDIA_S3_ENDPOINT", "127.0.0.1:9000"), Optional.of(config)))
                .hasMessageContaining("media.s3.endpoint must be the S3 server's address, such as http://127.0.0.1:9000");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("GAZETTE_MEDIA_STORE", "bucket"), Optional.empty()))
                .hasMessageContaining("media.store must be auto, disk, database or s3, not 'bucket'");
        assertThat(SettingsLoader.load(Map.of(), Map.of(), Optional.empty()).media().store()).isEqualTo("auto");
    }

    @Test
    void badValuesAreRefusedWithWhatToFix() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("port", "eighty"), Map.of(), Optional.empty()))
                .hasMessageContaining("port must be a number from 0 to 65535");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("GAZETTE_PORT", "70000"), Optional.empty()))
                .hasMessageContaining("65535");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("GAZETTE_VIRTUAL_THREADS", "maybe"), Optional.empty()))
                .hasMessageContaining("virtual.threads must be true or false");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of(), Optional.of(dir.resolve("missing.properties"))))
                .hasMessageContaining("Cannot read the config file");
    }

    @Test
    void cachesToPurgeAreCommaSeparatedAddresses() {
        assertThat(SettingsLoader.load(Map.of(), Map.of(), Optional.empty()).cache().purgeUrls()).isEmpty();
        Settings s = SettingsLoader.load(Map.of("cache.purge-urls", "http://127.0.0.1:6081, http://edge-2:6081/"),
                Map.of(), Optional.empty());
        assertThat(s.cache().purgeUrls()).extracting(Object::toString)
                .containsExactly("http://127.0.0.1:6081/", "http://edge-2:6081/");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("cache.purge-urls", "127.0.0.1:6081"), Map.of(),
                Optional.empty())).hasMessageContaining("cache.purge-urls").hasMessageContaining("http://127.0.0.1:6081");
    }

    @Test
    void shieldThresholdsAreProbabilitiesWithDiscardNotBelowSpam() {
        Settings defaults = SettingsLoader.load(Map.of(), Map.of(), Optional.empty());
        assertThat(defaults.spamThreshold()).isEqualTo(0.75);
        assertThat(defaults.discardThreshold()).isEqualTo(0.995);
        Settings raised = SettingsLoader.load(Map.of(), Map.of("GAZETTE_SHIELD_SPAM_THRESHOLD", "0.9"), Optional.empty());
        assertThat(raised.spamThreshold()).isEqualTo(0.9);
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("shield.spam-threshold", "75%"), Map.of(), Optional.empty()))
                .hasMessageContaining("shield.spam-threshold must be a probability between 0 and 1");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("shield.discard-threshold", "0.5"), Map.of(), Optional.empty()))
                .hasMessageContaining("shield.discard-threshold (0.5) must not be below shield.spam-threshold (0.75)");
    }

    @Test
    void fetchingAllowsNoPrivateHostUnlessNamed() {
        Settings none = SettingsLoader.load(Map.of(), Map.of(), Optional.empty());
        assertThat(none.fetch().allowHosts()).isEmpty();
        assertThat(none.fetch().totalLimit()).isEqualTo(java.time.Duration.ofSeconds(30));
        Settings named = SettingsLoader.load(Map.of(), Map.of("GAZETTE_FETCH_ALLOW_HOSTS", " Feeds.Internal., 10.0.0.7 ,,",
                "GAZETTE_FETCH_TOTAL_SECONDS", "45"), Optional.empty());
        assertThat(named.fetch().allowHosts()).containsExactlyInAnyOrder("feeds.internal", "10.0.0.7");
        assertThat(named.fetch().totalLimit()).isEqualTo(java.time.Duration.ofSeconds(45));
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("GAZETTE_FETCH_TOTAL_SECONDS", "0"), Optional.empty()))
                .hasMessageContaining("fetch.total-seconds");
    }

    @Test
    void noProxyIsTrustedUnlessNamed() {
        assertThat(SettingsLoader.load(Map.of(), Map.of(), Optional.empty()).proxies().toString()).isEqualTo("(none)");
        assertThat(SettingsLoader.load(Map.of(), Map.of("GAZETTE_PROXY_TRUSTED", "127.0.0.1, 10.0.0.0/8"), Optional.empty())
                .proxies().toString()).isEqualTo("127.0.0.1, 10.0.0.0/8");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("proxy.trusted", "varnish"), Map.of(), Optional.empty()))
                .hasMessageContaining("proxy.trusted").hasMessageContaining("'varnish'");
    }

    @Test
    void publicUrlFollowsTheBoundPortUnlessSet() {
        Settings s = SettingsLoader.load(Map.of(), Map.of(), Optional.empty());
        assertThat(s.publicUrl(41234)).isEqualTo("http://localhost:41234");
        Settings fixed = SettingsLoader.load(Map.of(), Map.of("GAZETTE_BASE_URL", "https://news.example"), Optional.empty());
        assertThat(fixed.publicUrl(41234)).isEqualTo("https://news.example");
    }
}
