package dev.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gazette.article.ArticleSearch;
import dev.gazette.article.ArticleStore;
import dev.gazette.article.Articles;
import dev.gazette.article.MarkdownRenderer;
import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Fuzzes an agency's feed (RSS or Atom, through Rome): it is imported, or refused with an IOException that says why. */
class FeedImporterFuzzTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final Database DB = TestDatabases.sqlite();
    private static final FeedImporter IMPORTER = new FeedImporter(
            new Articles(new ArticleStore(DB), ArticleSearch.of(DB), new MarkdownRenderer(), CLOCK, keys -> {}), CLOCK);

    @FuzzTest
    void aFeedIsImported_orRefusedWithAReason(byte[] feed) {
        boolean draft = feed.length > 0 && (feed[0] & 1) == 1;
        FeedImporter.Report report;
        try {
            report = IMPORTER.importFeed(new ByteArrayInputStream(feed), "", "", "News", draft);
        } catch (IOException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(report.added()).allSatisfy(title -> assertThat(title).isNotBlank());
        assertThat(report.skipped()).allSatisfy(reason -> assertThat(reason).contains(" — "));
    }
}
