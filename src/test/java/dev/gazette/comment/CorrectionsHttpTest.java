package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleState;
import dev.gazette.web.TestSite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A correction changes a reply's text alone: details the form would refuse, kept from an import, do not block it. */
class CorrectionsHttpTest {

    @Test
    void aModeratorCorrectsAnImportedReplyWithoutEmailOrWithAnOddWebsite() {
        try (TestSite site = TestSite.start(false, g -> g.articles().create(new ArticleDraft("Imported story", "",
                "Body.", "Staff", "World", List.of(), ArticleState.PUBLISHED, Optional.of(Instant.now()),
                Optional.empty())))) {
            Comments comments = site.gazette().comments();
            Article article = site.gazette().articles().published("imported-story").orElseThrow();
            Comment imported = comments.intake().importReply(article.id(), Optional.empty(), "Old Reader", "",
                    "http://intranet/home", "Teh first reply.", CommentState.APPROVED, "", Instant.now());

            assertThat(comments.correct(imported, "The first reply.")).isEmpty();
            assertThat(comments.find(imported.id()).orElseThrow().bodyMarkdown()).isEqualTo("The first reply.");
            assertThat(comments.correct(imported, " ")).containsOnlyKeys("comment");
        }
    }
}
