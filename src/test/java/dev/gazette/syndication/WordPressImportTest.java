package dev.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.article.Article;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentState;
import dev.gazette.web.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPressImportTest {
    static final Path EXPORT = Path.of("src/test/resources/dev/gazette/syndication/export.wxr");
    @TempDir
    Path dir;

    @Test
    void importsPostsTagsAndThreadedCommentsInEveryStateOnce() throws IOException {
        try (TestSite site = TestSite.start(false, g -> {})) {
            WordPressImport importer = new WordPressImport(site.gazette().articles(), site.gazette().comments());
            List<Map.Entry<Comment, Boolean>> learned = new ArrayList<>();
            WordPressImport.Report report = importer.importFile(EXPORT, (c, spam) -> learned.add(Map.entry(c, spam)));

            assertThat(report.posts()).isEqualTo(2);
            assertThat(report.replies()).isEqualTo(5);
            Article post = site.gazette().articles().published("orchard-festival").orElseThrow();
            assertThat(post.section().name()).isEqualTo("Community");
            assertThat(post.tags()).extracting(t -> t.name()).containsExactlyInAnyOrder("Festivals", "Weather");
            assertThat(post.author()).isEqualTo("Hanna Roe");
            assertThat(post.publishedAt()).contains(Instant.parse("2026-10-10T09:30:00Z"));
            assertThat(post.bodyHtml()).contains("<strong>Saturday</strong>").doesNotContain("<script");

            List<Comment> approved = site.gazette().comments().approved(post);
            assertThat(approved).extracting(Comment::authorName).containsExactly("Per Ahl", "Lina Berg");
            assertThat(approved.get(1).parentId()).contains(approved.get(0).id());
            var queue = site.gazette().comments();
            assertThat(queue.stats().counts()).containsEntry(CommentState.SPAM, 1).containsEntry(CommentState.PENDING, 1)
                    .containsEntry(CommentState.TRASH, 1).containsEntry(CommentState.APPROVED, 2);
            assertThat(learned).extracting(Map.Entry::getValue).containsExactlyInAnyOrder(false, false, true);
            assertThat(site.gazette().articles().published("about-this-blog")).as("pages are not posts").isEmpty();

            WordPressImport.Report again = importer.importFile(EXPORT, (c, spam) -> {});
            assertThat(again.posts()).isZero();
            assertThat(again.replies()).isZero();
            assertThat(again.skipped()).hasSize(2);
        }
    }

    @Test
    void aMalformedExportIsRefusedWithItsLineAndNothingIsImported() throws IOException {
        Path broken = dir.resolve("broken.xml");
        String text = Files.readString(EXPORT).replace("<wp:comment_parent>11</wp:comment_parent>",
                "<wp:comment_parent>11</wp:parent>");
        Files.writeString(broken, text);
        try (TestSite site = TestSite.start(false, g -> {})) {
            WordPressImport importer = new WordPressImport(site.gazette().articles(), site.gazette().comments());
            assertThatThrownBy(() -> importer.importFile(broken, (c, s) -> {}))
                    .isInstanceOf(IOException.class).hasMessageContaining("Nothing was imported")
                    .hasMessageMatching("(?s).*line \\d+.*");
            assertThat(site.gazette().articles().isEmpty()).isTrue();
        }
    }

    @Test
    void aReplyNestedInAReplyIsImported_notACrash() throws IOException {
        // Well-formed but odd nesting left a null reply in the item, and the import threw halfway.
        Path odd = dir.resolve("nested.xml");
        Files.writeString(odd, """
                <?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
                <item><title>Nested</title><guid>n-1</guid><wp:post_type>post</wp:post_type>
                <wp:comment><wp:comment_id>1</wp:comment_id>
                  <wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Bo</wp:comment_author>
                    <wp:comment_content>Inner</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>
                </wp:comment></item></channel></rss>
                """);
        try (TestSite site = TestSite.start(false, g -> {})) {
            WordPressImport importer = new WordPressImport(site.gazette().articles(), site.gazette().comments());
            WordPressImport.Report report = importer.importFile(odd, (c, s) -> {});
            assertThat(report.posts()).isEqualTo(1);
            assertThat(report.replies()).isEqualTo(1);
        }
    }

    @Test
    void aLargeExportStreamsInBoundedMemory() throws Exception {
        Path big = dir.resolve("big.xml");
        try (var out = Files.newBufferedWriter(big)) {
            out.write("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\""
                    + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Big</title>");
            String body = "<p>" + "Lorem ipsum of our own, repeated. ".repeat(900) + "</p>";
            for (int i = 0; i < 2000; i++) {
                out.write("<item><title>Post number " + i + "</title><guid>big-" + i + "</guid><content:encoded><![CDATA["
                        + body + "]]></content:encoded><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
                        + "<wp:post_date_gmt>2026-01-01 00:00:00</wp:post_date_gmt></item>\n");
            }
            out.write("</channel></rss>");
        }
        assertThat(Files.size(big)).isGreaterThan(60_000_000L);
        // A child JVM with a heap smaller than the file plus what the site itself holds (the shield's model alone
        // is 32 MB): an importer that held the file, as a DOM would, runs out of memory; a stream does not.
        Process run = new ProcessBuilder("java", "-Xmx160m", "-cp", System.getProperty("java.class.path"),
                "dev.gazette.app.Main", "import", "wordpress", big.toString(), "--data", dir.resolve("site").toString())
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(run.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("2000 posts and 0 comments imported");
    }
}
