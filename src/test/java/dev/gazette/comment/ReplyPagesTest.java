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
import dev.gazette.store.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a published reply tells the other nodes inside its own transaction, so accepting it is one write
 * transaction, not one for the reply and another for the notice; this node's pages follow after the commit.
 */
class ReplyPagesTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private final List<String> told = new ArrayList<>();
    private final List<Long> afterCommit = new ArrayList<>();
    private Database db;
    private Article article;
    private ReplyIntake intake;

    @BeforeEach
    void setUp() {
        db = TestDatabases.postgres();
        Articles articles = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(), clock,
                keys -> {});
        article = articles.create(new ArticleDraft("Ferry timetable changes", "Summary.", "Body of the story.",
                "Ada Reporter", "Local", List.of(), ArticleState.PUBLISHED, Optional.of(clock.instant()), Optional.empty()));
        ReplyPages pages = new ReplyPages() {
            @Override
            public void tellOthers(Handle handle, long articleId) {
                // What the handle's transaction sees against what everyone else sees: the reply is not committed yet.
                long inside = handle.createQuery("SELECT COUNT(*) FROM comment").mapTo(Long.class).one();
                long outside = countOnAnotherConnection();
                String xid = handle.createQuery("SELECT txid_current_if_assigned()::text").mapTo(String.class).one();
                told.add(articleId + " inside=" + inside + " outside=" + outside + " in-a-write=" + (xid != null));
            }

            @Override
            public void here(long articleId) {
                afterCommit.add(articleId);
            }
        };
        intake = new Comments(new CommentStore(db), ReplyPagesTest::approvingFirstTimers,
                s -> new Verdict(Decision.HAM, 0.1, true, List.of()), articles::find, clock,
                id -> { throw new AssertionError("a published reply needs no purge after its commit beyond here()"); },
                ReplyListener.NONE, pages).intake();
    }

    // Jdbi hands a nested call on the same thread the open handle, so "everyone else" is a connection of its own.
    private long countOnAnotherConnection() {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM comment")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CommentSettings approvingFirstTimers() {
        CommentSettings d = CommentSettings.defaults();
        return new CommentSettings(false, false, d.holdAtLinks(), List.of(), List.of(), 0, false, d.maxDepth(),
                d.pageSize(), false, d.maxCommentLength(), d.maxNameLength(), d.editMinutes(), d.perAddressHour(),
                d.perNetworkHour(), d.retention());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aReadersPublishedReplyTellsTheOtherNodesInItsOwnTransaction() {
        Submitted outcome = intake.submit(article, new CommentForm("The new stop at the harbour saves me a walk.",
                "Sam Reader", "sam@example.org", "", Optional.empty(), false), new RequestInfo("203.0.113.7",
                "Mozilla/5.0", "", OptionalDouble.of(30), "", true));

        assertThat(outcome).isInstanceOf(Submitted.Stored.class);
        assertThat(((Submitted.Stored) outcome).comment().state()).isEqualTo(CommentState.APPROVED);
        assertThat(told).as("told once, inside the reply's write transaction, before it commits")
                .containsExactly(article.id() + " inside=1 outside=0 in-a-write=true");
        assertThat(afterCommit).as("this node's pages after the commit").containsExactly(article.id());
    }

    @Test
    void aStaffReplyTellsTheOtherNodesInItsOwnTransaction() {
        Comment parent = intake.importReply(article.id(), Optional.empty(), "Old Reader", "old@example.org", "",
                "Is the evening ferry still running?", CommentState.PENDING, "198.51.100.4", clock.instant());

        intake.staffReply(parent, "Ada Editor", "ada@newsroom.example", "Yes, until the end of the month.");

        assertThat(told).containsExactly(article.id() + " inside=2 outside=1 in-a-write=true");
        assertThat(afterCommit).containsExactly(article.id());
    }

    @Test
    void aHeldReplyTellsNobody() {
        ReplyIntake holding = new Comments(new CommentStore(db), CommentSettings::defaults,
                s -> new Verdict(Decision.SPAM, 0.99, true, List.of()), id -> Optional.of(article), clock, id -> {},
                ReplyListener.NONE, ReplyPages.afterCommit(id -> afterCommit.add(id))).intake();
        Submitted outcome = holding.submit(article, new CommentForm("Buy cheap ferry tickets at my site today.",
                "Spam Sender", "s@example.org", "", Optional.empty(), false), new RequestInfo("203.0.113.9",
                "Mozilla/5.0", "", OptionalDouble.of(30), "", false));

        assertThat(((Submitted.Stored) outcome).comment().state()).isNotEqualTo(CommentState.APPROVED);
        assertThat(told).isEmpty();
        assertThat(afterCommit).isEmpty();
    }
}
