package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleSearch;
import dev.gazette.article.ArticleState;
import dev.gazette.article.ArticleStore;
import dev.gazette.article.Articles;
import dev.gazette.article.MarkdownRenderer;
import dev.gazette.store.Database;
import dev.gazette.store.Dialect;
import dev.gazette.store.TestDatabases;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The author's history the shield weighs: counts by email, address and network per state, capped, on both dialects. */
class AuthorRecordTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void countsEachWayApartCappedAndOnlyBeforeTheGivenReply(Dialect dialect) {
        try (Database db = TestDatabases.of(dialect)) {
            Article article = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(), clock,
                    keys -> {}).create(new ArticleDraft("Harbour works", "Summary.", "Body.", "Ada Reporter", "Local",
                    List.of(), ArticleState.PUBLISHED, Optional.of(clock.instant()), Optional.empty()));
            CommentStore store = new CommentStore(db);
            // Same email from another address of the network; another email from the same address; many spams from a
            // third address of the same network.
            store(store, article, "ann@example.org", "203.0.113.7", CommentState.APPROVED, 2);
            long firstOther = store(store, article, "ann@example.org", "203.0.113.8", CommentState.SPAM, 1);
            store(store, article, "bob@example.org", "203.0.113.7", CommentState.APPROVED, 3);
            store(store, article, "eve@example.org", "203.0.113.9", CommentState.SPAM, CommentStore.HISTORY_CAP + 5);
            store(store, article, "ann@example.org", "203.0.113.7", CommentState.PENDING, 4);

            assertThat(store.record("ann@example.org", "203.0.113.7")).isEqualTo(new CommentStore.AuthorRecord(
                    2, 1, 5, 0, 5, CommentStore.HISTORY_CAP));
            assertThat(store.record("ann@example.org", "203.0.113.7", firstOther))
                    .as("only replies stored before the one with this id").isEqualTo(new CommentStore.AuthorRecord(
                            2, 0, 2, 0, 2, 0));
            assertThat(store.record("nobody@example.org", "198.51.100.1"))
                    .isEqualTo(new CommentStore.AuthorRecord(0, 0, 0, 0, 0, 0));
        }
    }

    private static long store(CommentStore store, Article article, String email, String ip, CommentState state, int n) {
        long first = 0;
        for (int i = 0; i < n; i++) {
            Comment c = Comment.reply(article.id(), ReplyPlace.under(Optional.empty(), 5)).author("R", email, "")
                    .body("Words " + email + " " + i, "<p>Words</p>").state(state).from(ip, "UA", "")
                    .at(Instant.parse("2026-11-20T11:00:00Z")).build();
            long id = store.insert(c, List.of());
            if (i == 0) first = id;
        }
        return first;
    }
}
