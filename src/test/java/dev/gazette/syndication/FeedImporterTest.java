package dev.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleSearch;
import dev.gazette.article.ArticleStore;
import dev.gazette.article.Articles;
import dev.gazette.article.MarkdownRenderer;
import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedImporterTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Northern Wire</title><link>https://wire.example</link><description>d</description>
            <item><title>Dam inspection finds cracks</title><link>https://wire.example/dam</link><guid>wire-1</guid>
              <pubDate>Wed, 18 Nov 2026 09:00:00 GMT</pubDate><author>desk@wire.example (Ana Lind)</author>
              <description>&lt;p&gt;Engineers found &lt;b&gt;cracks&lt;/b&gt;.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
            <item><title>Ferry fares frozen</title><link>https://wire.example/fares</link><guid>wire-2</guid>
              <pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate><description>Fares stay the same.</description></item>
            <item><title>Ferry fares frozen</title><link>https://wire.example/fares-again</link><guid>wire-3</guid>
              <description>The same story under another link.</description></item>
            </channel></rss>
            """;
    private Database db;
    private Articles articles;
    private FeedImporter importer;

    @BeforeEach
    void setUp() {
        db = TestDatabases.sqlite();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        articles = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(), clock, keys -> {});
        importer = new FeedImporter(articles, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static ByteArrayInputStream bytes(String s, java.nio.charset.Charset charset) {
        return new ByteArrayInputStream(s.getBytes(charset));
    }

    @Test
    void importsEachNewStoryWithItsSourceAndSkipsDuplicatesWithTheReason() throws IOException {
        FeedImporter.Report report = importer.importFeed(bytes(RSS, StandardCharsets.UTF_8), "", "Northern Wire Service",
                "World", false);
        assertThat(report.added()).containsExactly("Dam inspection finds cracks", "Ferry fares frozen");
        assertThat(report.skipped()).containsExactly("Ferry fares frozen — already here");

        Article dam = articles.published("dam-inspection-finds-cracks").orElseThrow();
        assertThat(dam.source().orElseThrow().line())
                .isEqualTo("Source: Dam inspection finds cracks – Northern Wire – Northern Wire Service");
        assertThat(dam.source().orElseThrow().url()).contains("https://wire.example/dam");
        assertThat(dam.bodyHtml()).contains("<b>cracks</b>").doesNotContain("<script");
        assertThat(dam.publishedAt()).contains(Instant.parse("2026-11-18T09:00:00Z"));

        FeedImporter.Report again = importer.importFeed(bytes(RSS, StandardCharsets.UTF_8), "", "", "World", false);
        assertThat(again.added()).isEmpty();
        assertThat(again.skipped()).hasSize(3);
    }

    @Test
    void atomFeedsAndDraftsToo() throws IOException {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Meridian Press</title><id>urn:m</id><updated>2026-11-19T00:00:00Z</updated>
                <entry><title>Harbour crane arrives</title><id>urn:m:1</id><link href="https://meridian.example/crane"/>
                  <updated>2026-11-19T08:00:00Z</updated><author><name>Ola Berg</name></author>
                  <content type="html">&lt;p&gt;A new crane.&lt;/p&gt;</content></entry>
                </feed>
                """;
        FeedImporter.Report report = importer.importFeed(bytes(atom, StandardCharsets.UTF_8), "", "", "World", true);
        assertThat(report.added()).containsExactly("Harbour crane arrives");
        assertThat(articles.published("harbour-crane-arrives")).as("kept as a draft").isEmpty();
        assertThat(articles.alreadyImported("urn:m:1", "", "")).isTrue();
    }

    @Test
    void readsFeedsInOtherEncodings() throws IOException {
        String latin = RSS.replace("UTF-8", "ISO-8859-1").replace("Dam inspection finds cracks", "Café inspection à Zürich");
        FeedImporter.Report report = importer.importFeed(bytes(latin, StandardCharsets.ISO_8859_1), "", "", "World", false);
        assertThat(report.added()).contains("Café inspection à Zürich");
    }

    @Test
    void aMalformedFeedIsRefusedWithAClearMessageAndAddsNothing() {
        assertThatThrownBy(() -> importer.importFeed(bytes("<rss><channel><item><title>Broken", StandardCharsets.UTF_8),
                "", "", "World", false))
                .isInstanceOf(IOException.class).hasMessageContaining("not an RSS or Atom feed");
        assertThat(articles.isEmpty()).isTrue();
    }
}
