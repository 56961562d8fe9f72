package dev.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleFilter;
import dev.gazette.comment.Comment;
import dev.gazette.web.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteExportTest {
    @TempDir
    Path dir;

    /** What must survive a trip out and back: each story and its replies, with states and threads. */
    record Snapshot(String slug, String title, String state, String section, List<String> tags, String body,
                    List<String> replies) {}

    static List<Snapshot> snapshot(TestSite site) {
        var articles = site.gazette().articles();
        var comments = site.gazette().comments();
        return articles.forStaff(new ArticleFilter(Optional.empty(), "", "", ""), 1, 1000).items().stream()
                .map((Article a) -> {
                    List<Comment> all = comments.all(a);
                    List<String> replies = all.stream().map(c -> c.authorName() + "|" + c.state() + "|" + c.bodyMarkdown()
                            + "|parent:" + c.parentId().flatMap(p -> all.stream().filter(o -> o.id() == p).findFirst())
                            .map(Comment::authorName).orElse("-")).toList();
                    return new Snapshot(a.slug(), a.title(), a.state().code(), a.section().name(),
                            a.tags().stream().map(t -> t.name()).sorted().toList(), a.bodyMarkdown().strip(), replies);
                })
                .sorted(java.util.Comparator.comparing(Snapshot::slug)).toList();
    }

    @Test
    void wxrRoundTripKeepsStoriesRepliesStatesAndThreads() throws Exception {
        Path wxr = dir.resolve("site.xml");
        List<Snapshot> before;
        try (TestSite source = TestSite.start(false, g -> {})) {
            new WordPressImport(source.gazette().articles(), source.gazette().comments())
                    .importFile(Path.of("src/test/resources/dev/gazette/syndication/export.wxr"), (c, s) -> {});
            before = snapshot(source);
            try (OutputStream out = Files.newOutputStream(wxr)) {
                assertThat(new SiteExport(source.gazette().articles(), source.gazette().comments())
                        .wxr(out, "Source site", "https://source.example")).isEqualTo(2);
            }
        }
        try (TestSite target = TestSite.start(false, g -> {})) {
            WordPressImport.Report report = new WordPressImport(target.gazette().articles(), target.gazette().comments())
                    .importFile(wxr, (c, s) -> {});
            assertThat(report.posts()).isEqualTo(2);
            assertThat(snapshot(target)).isEqualTo(before);
        }
        assertThat(before).hasSize(2);
        assertThat(before.stream().flatMap(s -> s.replies().stream())).hasSize(5)
                .contains("Lina Berg|APPROVED|And there is parking behind it.|parent:Per Ahl");
    }

    @Test
    void jsonHoldsEveryStoryAndReply() throws Exception {
        try (TestSite site = TestSite.start(false, g -> {})) {
            new WordPressImport(site.gazette().articles(), site.gazette().comments())
                    .importFile(Path.of("src/test/resources/dev/gazette/syndication/export.wxr"), (c, s) -> {});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(new SiteExport(site.gazette().articles(), site.gazette().comments()).json(out)).isEqualTo(2);
            JsonNode json = new ObjectMapper().readTree(out.toByteArray());
            assertThat(json.get("format").asText()).isEqualTo("gazette-export-1");
            assertThat(json.get("articles")).hasSize(2);
            int replies = 0;
            for (JsonNode a : json.get("articles")) replies += a.get("replies").size();
            assertThat(replies).isEqualTo(5);
        }
    }
}
