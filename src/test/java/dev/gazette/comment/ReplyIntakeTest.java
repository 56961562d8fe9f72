package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleSearch;
import dev.gazette.article.ArticleState;
import dev.gazette.article.ArticleStore;
import dev.gazette.article.Articles;
import dev.gazette.article.MarkdownRenderer;
import dev.gazette.spam.Decision;
import dev.gazette.spam.Verdict;
import dev.gazette.store.Database;
import dev.gazette.store.StatementLog;
import dev.gazette.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readers', staff members' and imported replies all find their place in a thread by the one {@link ReplyPlace} rule. */
class ReplyIntakeTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private Article article;
    private ReplyIntake intake;

    @BeforeEach
    void setUp() {
        db = TestDatabases.sqlite();
        Articles articles = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(), clock,
                keys -> {});
        article = articles.create(new ArticleDraft("Floods close the river road", "Summary.", "Body of the story.",
                "Ada Reporter", "World", List.of(), ArticleState.PUBLISHED, Optional.of(clock.instant()), Optional.empty()));
        intake = new Comments(new CommentStore(db), CommentSettings::defaults,
                s -> new Verdict(Decision.HAM, 0.1, true, List.of()), articles::find, clock, id -> {}).intake();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theRuleNestsUpToTheDeepestLevelThenJoinsTheParentsSiblings() {
        Comment top = stored(1, Optional.empty(), 0);
        Comment middle = stored(2, Optional.of(1L), 1);
        Comment deepest = stored(9, Optional.of(8L), 4);

        assertThat(ReplyPlace.under(Optional.empty(), 5)).isEqualTo(new ReplyPlace(Optional.empty(), 0));
        assertThat(ReplyPlace.under(top, 5)).isEqualTo(new ReplyPlace(Optional.of(1L), 1));
        assertThat(ReplyPlace.under(middle, 5)).isEqualTo(new ReplyPlace(Optional.of(2L), 2));
        assertThat(ReplyPlace.under(stored(8, Optional.of(7L), 3), 5)).as("the last level still nests")
                .isEqualTo(new ReplyPlace(Optional.of(8L), 4));
        assertThat(ReplyPlace.under(deepest, 5)).as("past the last level: a sibling of its parent")
                .isEqualTo(new ReplyPlace(Optional.of(8L), 4));
        assertThat(ReplyPlace.under(top, 1)).as("no nesting at all").isEqualTo(new ReplyPlace(Optional.of(1L), 0));
    }

    @Test
    void everyWayInPlacesAReplyUnderTheDeepestOneAlike() {
        Comment deepest = null;
        Optional<Comment> parent = Optional.empty();
        for (int level = 0; level < 5; level++) {
            deepest = imported(parent, "Level " + level + " of the thread about the river road.");
            parent = Optional.of(deepest);
        }
        assertThat(deepest.depth()).isEqualTo(4);
        ReplyPlace expected = ReplyPlace.under(deepest, CommentSettings.defaults().maxDepth());
        assertThat(expected).isEqualTo(new ReplyPlace(deepest.parentId(), 4));

        Comment reader = ((Submitted.Stored) intake.submit(article, new CommentForm("A reader answers the deepest one.",
                "Sam Reader", "sam@example.org", "", Optional.of(deepest.id()), false), new RequestInfo("203.0.113.7",
                "Mozilla/5.0", "", OptionalDouble.of(30), "", false))).comment();
        Comment staff = ((Submitted.Stored) intake.staffReply(deepest, "Ada Editor", "ada@newsroom.example",
                "The newsroom answers the deepest one.")).comment();
        Comment importedReply = imported(Optional.of(deepest), "An imported answer to the deepest one.");

        assertThat(List.of(reader, staff, importedReply)).as("reader, staff, import")
                .extracting(c -> new ReplyPlace(c.parentId(), c.depth()))
                .containsExactly(expected, expected, expected);
    }

    @Test
    void aReadersReplyIsCheckedAndStoredInThreeStatements() {
        Submitted outcome;
        List<String> statements;
        try (StatementLog log = StatementLog.watch(db)) {
            outcome = intake.submit(article, new CommentForm("The river road was shut all morning.", "Sam Reader",
                    "sam@example.org", "", Optional.empty(), false), new RequestInfo("203.0.113.7", "Mozilla/5.0", "",
                    OptionalDouble.of(30), "", false));
            statements = List.copyOf(log.statements());
        }

        assertThat(outcome).isInstanceOf(Submitted.Stored.class);
        // Every statement is a round trip on PostgreSQL: the duplicate check, the author's history and the copies
        // elsewhere in one read; the reply; its two first lines of history in one batch.
        assertThat(statements).as("statements per reply: %s", statements).hasSize(3);
    }

    private Comment imported(Optional<Comment> parent, String text) {
        return intake.importReply(article.id(), parent, "Old Reader", "old@example.org", "", text, CommentState.APPROVED,
                "198.51.100.4", clock.instant());
    }

    private static Comment stored(long id, Optional<Long> parent, int depth) {
        return new Comment(id, 1, parent, depth, "R", "r@example.org", "", "t", "t", CommentState.APPROVED, "", "", "",
                Instant.EPOCH, Instant.EPOCH, 0, "", false);
    }
}
