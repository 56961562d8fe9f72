package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.gazette.store.Notices;
import dev.gazette.store.StatementLog;
import dev.gazette.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a published reply tells the other nodes inside its own transaction, in the very statement that stores
 * it and its first lines of history: accepting it is one write transaction and one round trip before the commit, and
 * the notice is heard only if that commits. This node's pages follow after the commit.
 */
class ReplyPagesTest {
    private static final String CHANNEL = "gazette_reply_pages_test";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<Long> afterCommit = new ArrayList<>();
    private Database db;
    private Database other;
    private Notices here;
    private Notices otherNode;
    private Article article;
    private Articles articles;
    private ReplyPages pages;
    private ReplyIntake intake;

    @BeforeEach
    void setUp() throws Exception {
        String url = TestDatabases.postgresUrl();
        db = Database.open(url);
        other = Database.open(url);
        here = new Notices(db);
        otherNode = new Notices(other);
        otherNode.subscribe(CHANNEL, heard::add, () -> {});
        otherNode.start();
        await(otherNode::live);
        articles = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(), clock, keys -> {});
        article = articles.create(new ArticleDraft("Ferry timetable changes", "Summary.", "Body of the story.",
                "Ada Reporter", "Local", List.of(), ArticleState.PUBLISHED, Optional.of(clock.instant()),
                Optional.empty()));
        pages = new ReplyPages() {
            @Override
            public Optional<Notices.Notice> toOthers(long articleId) {
                return here.notice(CHANNEL, "article-" + articleId);
            }

            @Override
            public void here(long articleId) {
                afterCommit.add(articleId);
            }
        };
        intake = intake(ReplyListener.NONE);
    }

    private ReplyIntake intake(ReplyListener listener) {
        return new Comments(new CommentStore(db), ReplyPagesTest::approvingFirstTimers,
                s -> new Verdict(Decision.HAM, 0.1, true, List.of()), articles::find, clock,
                id -> { throw new AssertionError("a published reply needs no purge after its commit beyond here()"); },
                listener, pages).intake();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 30 s");
            Thread.sleep(20);
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
        otherNode.close();
        here.close();
        other.close();
        db.close();
    }

    private Submitted submit(ReplyIntake to, String text) {
        return to.submit(article, new CommentForm(text, "Sam Reader", "sam@example.org", "", Optional.empty(), false),
                new RequestInfo("203.0.113.7", "Mozilla/5.0", "", OptionalDouble.of(30), "", true));
    }

    @Test
    void aReadersPublishedReplyIsStoredWithItsHistoryAndItsNoticeInOneStatement() throws Exception {
        Submitted outcome;
        List<String> statements;
        try (StatementLog log = StatementLog.watch(db)) {
            outcome = submit(intake, "The new stop at the harbour saves me a walk.");
            statements = List.copyOf(log.statements());
        }

        assertThat(outcome).isInstanceOf(Submitted.Stored.class);
        Comment stored = ((Submitted.Stored) outcome).comment();
        assertThat(stored.state()).isEqualTo(CommentState.APPROVED);
        // The checks in one read, then the reply, its history and the notice in one write: two round trips and the
        // commit, where a statement each made four.
        assertThat(statements).as("statements per reply: %s", statements).hasSize(2);
        assertThat(new ReplyHistory(db).of(stored.id())).extracting(ReplyEvent::kind)
                .containsExactly(ReplyEvent.Kind.RECEIVED, ReplyEvent.Kind.SHIELD);
        await(() -> !heard.isEmpty());
        assertThat(heard).as("the other node told once").containsExactly("article-" + article.id());
        assertThat(afterCommit).as("this node's pages after the commit").containsExactly(article.id());
    }

    @Test
    void aStaffReplyTellsTheOtherNodesInTheStatementThatStoresIt() throws Exception {
        Comment parent = intake.importReply(article.id(), Optional.empty(), "Old Reader", "old@example.org", "",
                "Is the evening ferry still running?", CommentState.PENDING, "198.51.100.4", clock.instant());
        List<String> statements;
        try (StatementLog log = StatementLog.watch(db)) {
            intake.staffReply(parent, "Ada Editor", "ada@newsroom.example", "Yes, until the end of the month.");
            statements = List.copyOf(log.statements());
        }

        assertThat(statements).as("statements: %s", statements).hasSize(1);
        await(() -> !heard.isEmpty());
        assertThat(heard).containsExactly("article-" + article.id());
        assertThat(afterCommit).containsExactly(article.id());
    }

    @Test
    void aReplyWhoseTransactionFailsIsNeitherStoredNorTold() throws Exception {
        ReplyIntake failing = intake(new ReplyListener() {
            @Override
            public void stored(Handle handle, Comment reply, boolean followReplies) {
                throw new IllegalStateException("the outbox could not be written");
            }
        });

        assertThatThrownBy(() -> submit(failing, "This one fails after its insert."))
                .isInstanceOf(IllegalStateException.class);
        // A reply that did commit afterwards, so that the other node has heard everything it will hear.
        submit(intake, "This one is stored.");
        await(() -> !heard.isEmpty());
        Thread.sleep(200);

        assertThat(heard).as("only the committed reply's notice").containsExactly("article-" + article.id());
        assertThat(count("comment")).isEqualTo(1);
        assertThat(count("reply_event")).isEqualTo(2);
    }

    private long count(String table) {
        return db.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void aHeldReplyTellsNobody() throws Exception {
        ReplyIntake holding = new Comments(new CommentStore(db), CommentSettings::defaults,
                s -> new Verdict(Decision.SPAM, 0.99, true, List.of()), id -> Optional.of(article), clock, id -> {},
                ReplyListener.NONE, pages).intake();
        Submitted outcome = holding.submit(article, new CommentForm("Buy cheap ferry tickets at my site today.",
                "Spam Sender", "s@example.org", "", Optional.empty(), false), new RequestInfo("203.0.113.9",
                "Mozilla/5.0", "", OptionalDouble.of(30), "", false));

        Comment stored = ((Submitted.Stored) outcome).comment();
        assertThat(stored.state()).isNotEqualTo(CommentState.APPROVED);
        assertThat(new ReplyHistory(db).of(stored.id())).hasSize(2);
        Thread.sleep(300);
        assertThat(heard).isEmpty();
        assertThat(afterCommit).isEmpty();
    }
}
