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
import dev.gazette.web.PurgeNotices;
import dev.gazette.web.SurrogateKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * On PostgreSQL a published reply is stored with its first lines of history in one statement, its transaction sends no
 * notice (PostgreSQL commits notifying transactions one at a time, each through its own disk flush); after the commit
 * its pages are dropped, here and, by a notice that gathers the purges of a few milliseconds, on the other nodes. A
 * failed transaction drops nothing and tells nobody.
 */
class ReplyPagesTest {
    private static final String CHANNEL = "gazette_reply_pages_test";
    private static final String SENTINEL = "sent-after-everything-else";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<Long> changed = new CopyOnWriteArrayList<>();
    private Database db;
    private Database other;
    private Notices here;
    private Notices otherNode;
    private PurgeNotices toOthers;
    private Article article;
    private Articles articles;
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
        // A window that does not end by itself: what is gathered goes when the test closes it, so no test waits on
        // time, and a statement sent by it never falls inside a reply's watched statements.
        toOthers = new PurgeNotices(payload -> here.publish(CHANNEL, payload), Duration.ofHours(1), 7000);
        intake = intake(ReplyListener.NONE);
    }

    private ReplyIntake intake(ReplyListener listener) {
        return new Comments(new CommentStore(db), ReplyPagesTest::approvingFirstTimers,
                s -> new Verdict(Decision.HAM, 0.1, true, List.of()), articles::find, clock,
                this::changed, listener).intake();
    }

    // What the site does after a published reply's commit: its pages, here and (gathered) on the other nodes.
    private void changed(long articleId) {
        changed.add(articleId);
        toOthers.accept(SurrogateKeys.of("article-" + articleId));
    }

    /** Closes the window and sends a last notice: once that is heard, the other node heard all it ever will. */
    private List<String> heardInTheEnd() throws InterruptedException {
        toOthers.close();
        here.publish(CHANNEL, SENTINEL);
        await(() -> heard.contains(SENTINEL));
        return heard.subList(0, heard.size() - 1);
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
        toOthers.close();
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
    void aReadersPublishedReplyIsStoredWithItsHistoryInOneStatementAndToldAfterItsCommit() throws Exception {
        Submitted outcome;
        List<String> statements;
        try (StatementLog log = StatementLog.watch(db)) {
            outcome = submit(intake, "The new stop at the harbour saves me a walk.");
            statements = List.copyOf(log.statements());
        }

        assertThat(outcome).isInstanceOf(Submitted.Stored.class);
        Comment stored = ((Submitted.Stored) outcome).comment();
        assertThat(stored.state()).isEqualTo(CommentState.APPROVED);
        // The checks in one read, then the reply and its history in one write: two round trips and the commit.
        assertThat(statements).as("statements per reply: %s", statements).hasSize(2)
                .noneMatch(sql -> sql.contains("pg_notify"));
        assertThat(new ReplyHistory(db).of(stored.id())).extracting(ReplyEvent::kind)
                .containsExactly(ReplyEvent.Kind.RECEIVED, ReplyEvent.Kind.SHIELD);
        assertThat(changed).as("its pages, after the commit").containsExactly(article.id());
        assertThat(heardInTheEnd()).as("the other node told once").containsExactly("article-" + article.id());
    }

    @Test
    void repliesToOneArticleWithinAWindowAreOneNotice() throws Exception {
        for (String text : List.of("First thought on the ferry.", "Second thought on the ferry.", "A third one.")) {
            assertThat(submit(intake, text)).isInstanceOf(Submitted.Stored.class);
        }

        assertThat(changed).hasSize(3);
        assertThat(heardInTheEnd()).containsExactly("article-" + article.id());
    }

    @Test
    void aStaffReplyIsOneStatementAndTellsTheOtherNodesAfterItsCommit() throws Exception {
        Comment parent = intake.importReply(article.id(), Optional.empty(), "Old Reader", "old@example.org", "",
                "Is the evening ferry still running?", CommentState.PENDING, "198.51.100.4", clock.instant());
        List<String> statements;
        try (StatementLog log = StatementLog.watch(db)) {
            intake.staffReply(parent, "Ada Editor", "ada@newsroom.example", "Yes, until the end of the month.");
            statements = List.copyOf(log.statements());
        }

        assertThat(statements).as("statements: %s", statements).hasSize(1);
        assertThat(changed).containsExactly(article.id());
        assertThat(heardInTheEnd()).containsExactly("article-" + article.id());
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

        assertThat(changed).as("no page dropped").isEmpty();
        assertThat(heardInTheEnd()).as("no notice").isEmpty();
        assertThat(count("comment")).isZero();
        assertThat(count("reply_event")).isZero();
    }

    private long count(String table) {
        return db.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void aHeldReplyTellsNobody() throws Exception {
        ReplyIntake holding = new Comments(new CommentStore(db), CommentSettings::defaults,
                s -> new Verdict(Decision.SPAM, 0.99, true, List.of()), id -> Optional.of(article), clock,
                this::changed, ReplyListener.NONE).intake();
        Submitted outcome = holding.submit(article, new CommentForm("Buy cheap ferry tickets at my site today.",
                "Spam Sender", "s@example.org", "", Optional.empty(), false), new RequestInfo("203.0.113.9",
                "Mozilla/5.0", "", OptionalDouble.of(30), "", false));

        Comment stored = ((Submitted.Stored) outcome).comment();
        assertThat(stored.state()).isNotEqualTo(CommentState.APPROVED);
        assertThat(new ReplyHistory(db).of(stored.id())).hasSize(2);
        assertThat(changed).isEmpty();
        assertThat(heardInTheEnd()).isEmpty();
    }
}
