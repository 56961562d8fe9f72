package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleSearch;
import dev.gazette.article.ArticleState;
import dev.gazette.article.ArticleStore;
import dev.gazette.article.Articles;
import dev.gazette.article.MarkdownRenderer;
import dev.gazette.store.Database;
import dev.gazette.store.Dialect;
import dev.gazette.store.WriterHold;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ObjLongConsumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reply store: what it keeps, the queue, the history the shield weighs, and the counts; once per dialect. */
abstract class CommentStoreContract {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private Database db;
    CommentStore store;
    long river;
    long market;

    abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        store = new CommentStore(db);
        Articles articles = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(),
                Clock.fixed(NOW, ZoneOffset.UTC), keys -> {});
        river = articles.create(draft("Floods close the river road")).id();
        market = articles.create(draft("Market day returns")).id();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static ArticleDraft draft(String title) {
        return new ArticleDraft(title, "Summary.", "Body.", "Ada Reporter", "World", List.of(), ArticleState.PUBLISHED,
                Optional.of(NOW.minus(Duration.ofDays(1))), Optional.empty());
    }

    static Comment reply(long article, Optional<Long> parent, String text, String email, String ip, CommentState state,
                         Instant at) {
        return new Comment(0, article, parent, parent.isPresent() ? 1 : 0, "Sam Reader", email, "https://sam.example",
                text, "<p>" + text + "</p>", state, ip, "Mozilla/5.0", "https://ref.example/", at, at, 0.25,
                "a reason\nanother", false);
    }

    private long insert(long article, String text, String email, String ip, CommentState state, Instant at) {
        return store.insert(reply(article, Optional.empty(), text, email, ip, state, at), List.of());
    }

    @Test
    void storesAndReadsBackEveryField() {
        Comment parent = reply(river, Optional.empty(), "First words", "sam@example.org", "203.0.113.7",
                CommentState.APPROVED, NOW);
        long parentId = store.insert(parent, List.of());
        Comment child = reply(river, Optional.of(parentId), "Second words", "kim@example.org", "2001:db8::1",
                CommentState.PENDING, NOW.plusSeconds(1));
        long childId = store.insert(child, List.of());

        assertThat(store.find(parentId)).contains(parent.withId(parentId));
        assertThat(store.find(childId)).contains(child.withId(childId));
        assertThat(store.all(river)).extracting(Comment::id).containsExactly(parentId, childId);
        assertThat(store.approved(river)).extracting(Comment::id).containsExactly(parentId);
        assertThat(store.byIds(river, List.of(childId, parentId))).hasSize(2);
        assertThat(store.byIds(market, List.of(childId))).as("another article's reply").isEmpty();

        store.updateText(childId, "Changed", "<p>Changed</p>", NOW.plusSeconds(60), ReplyEvent.of(
                ReplyEvent.Kind.CORRECTED, "Editor", Optional.empty(), Optional.empty(), "", NOW.plusSeconds(60)));
        assertThat(store.setState(childId, CommentState.PENDING, CommentState.SPAM, NOW.plusSeconds(61), ReplyEvent.of(
                ReplyEvent.Kind.SPAM, "Editor", Optional.of(CommentState.PENDING), Optional.of(CommentState.SPAM), "",
                NOW.plusSeconds(61)))).isPresent();
        assertThat(store.setState(childId, CommentState.PENDING, CommentState.APPROVED, NOW.plusSeconds(62),
                ReplyEvent.of(ReplyEvent.Kind.APPROVE, "Editor", Optional.of(CommentState.PENDING),
                        Optional.of(CommentState.APPROVED), "", NOW.plusSeconds(62))))
                .as("no longer pending: someone else moved it").isEmpty();
        Comment changed = store.find(childId).orElseThrow();
        assertThat(changed.bodyMarkdown()).isEqualTo("Changed");
        assertThat(changed.state()).isEqualTo(CommentState.SPAM);
        assertThat(changed.updatedAt()).isEqualTo(NOW.plusSeconds(61));

        store.delete(parentId);
        assertThat(store.find(parentId)).isEmpty();
        assertThat(store.find(childId).orElseThrow().parentId()).as("an answer outlives what it answered").isEmpty();
    }

    @Test
    void theQueueFiltersByStateArticleAndTextNewestFirst() {
        long a = insert(river, "Cheap 100% pills", "a@example.org", "203.0.113.1", CommentState.PENDING, NOW);
        long b = insert(river, "The bridge closed", "b@example.org", "203.0.113.2", CommentState.PENDING, NOW.plusSeconds(1));
        long c = insert(market, "Pills again", "c@example.org", "203.0.113.3", CommentState.PENDING, NOW.plusSeconds(2));
        insert(river, "Approved words", "d@example.org", "203.0.113.4", CommentState.APPROVED, NOW.plusSeconds(3));

        CommentStore.QueueFilter pending = new CommentStore.QueueFilter(CommentState.PENDING, Optional.empty(), "");
        assertThat(store.queue(pending, 0, 10)).extracting(e -> e.comment().id()).containsExactly(c, b, a);
        assertThat(store.queue(pending, 1, 1)).extracting(e -> e.comment().id()).containsExactly(b);
        assertThat(store.countsByState(pending).get(CommentState.PENDING)).isEqualTo(3);
        assertThat(store.queue(new CommentStore.QueueFilter(CommentState.PENDING, Optional.of(river), "PILLS"), 0, 10))
                .extracting(e -> e.comment().id()).containsExactly(a);
        assertThat(store.queue(new CommentStore.QueueFilter(CommentState.PENDING, Optional.empty(), "pills"), 0, 10))
                .extracting(e -> e.comment().id()).containsExactly(c, a);
        // LIKE's wildcards in the text are searched for as characters.
        assertThat(store.countsByState(new CommentStore.QueueFilter(CommentState.PENDING, Optional.empty(), "100%")).get(CommentState.PENDING)).isEqualTo(1);
        assertThat(store.countsByState(new CommentStore.QueueFilter(CommentState.PENDING, Optional.empty(), "_")).get(CommentState.PENDING)).isZero();
    }

    @Test
    void theHistoryCountsEarlierDecidedRepliesByEmailAddressAndNetwork() {
        long spam = insert(market, "Buy watches", "sam@example.org", "203.0.113.7", CommentState.SPAM, NOW);
        insert(river, "Kind words", "sam@example.org", "203.0.113.7", CommentState.APPROVED, NOW);
        insert(river, "Same network", "kim@example.org", "203.0.113.99", CommentState.APPROVED, NOW);
        insert(river, "Not decided", "sam@example.org", "203.0.113.7", CommentState.PENDING, NOW);
        long later = insert(river, "Later spam", "sam@example.org", "203.0.113.7", CommentState.SPAM, NOW);

        assertThat(store.record("sam@example.org", "203.0.113.7"))
                .isEqualTo(new CommentStore.AuthorRecord(1, 2, 1, 2, 2, 2));
        assertThat(store.record("sam@example.org", "203.0.113.7", later)).as("before the later spam")
                .isEqualTo(new CommentStore.AuthorRecord(1, 1, 1, 1, 2, 1));
        assertThat(store.record("sam@example.org", "203.0.113.7", spam)).isEqualTo(new CommentStore.AuthorRecord(0, 0, 0, 0, 0, 0));
        assertThat(store.record("new@example.org", "2001:db8::5")).isEqualTo(new CommentStore.AuthorRecord(0, 0, 0, 0, 0, 0));
    }

    @Test
    void copiesAreFoundOnOtherArticlesAndRepeatsOnTheSameOne() {
        insert(market, "Buy   WATCHES now", "sam@example.org", "203.0.113.7", CommentState.SPAM, NOW.minus(Duration.ofDays(8)));
        long recent = insert(market, "buy watches now", "kim@example.org", "198.51.100.1", CommentState.TRASH, NOW);

        Instant week = NOW.minus(Duration.ofDays(7));
        assertThat(store.identicalElsewhere("Buy watches NOW", river, week, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(store.identicalElsewhere("Buy watches now", river, week, recent)).isZero();
        assertThat(store.identicalElsewhere("Buy watches now", market, week, Long.MAX_VALUE)).as("same article").isZero();
        assertThat(store.checks(market, "buy watches now", "kim@example.org", "198.51.100.1", week).alreadySaid())
                .as("binned").isFalse();
        assertThat(store.checks(market, "buy watches now", "sam@example.org", "192.0.2.1", week).alreadySaid()).isTrue();
        assertThat(store.checks(river, "buy watches now", "sam@example.org", "192.0.2.1", week).alreadySaid()).isFalse();
    }

    @Test
    void countsForListsTheDashboardAndTraining() {
        long a = insert(river, "One", "a@example.org", "203.0.113.1", CommentState.APPROVED, NOW.minus(Duration.ofDays(2)));
        long b = insert(river, "Two", "b@example.org", "203.0.113.2", CommentState.SPAM, NOW.minus(Duration.ofDays(1)));
        insert(river, "Three", "c@example.org", "203.0.113.3", CommentState.PENDING, NOW);
        long d = insert(market, "Four", "d@example.org", "203.0.113.4", CommentState.APPROVED, NOW);
        store.countDiscard(NOW);
        store.countDiscard(NOW);
        store.countDiscard(NOW.minus(Duration.ofDays(3)));

        assertThat(store.approvedCounts(List.of(river, market, 999L))).isEqualTo(Map.of(river, 1, market, 1));
        assertThat(store.countsByState(new CommentStore.QueueFilter(CommentState.PENDING, Optional.empty(), ""))).containsEntry(CommentState.APPROVED, 2).containsEntry(CommentState.SPAM, 1)
                .containsEntry(CommentState.PENDING, 1).containsEntry(CommentState.TRASH, 0);
        assertThat(store.latestApproved(1)).extracting(Comment::id).containsExactly(d);
        assertThat(store.decidedAfter(0, 2)).extracting(Comment::id).containsExactly(a, b);
        assertThat(store.decidedAfter(b, 10)).extracting(Comment::id).containsExactly(d);
        assertThat(store.discardedSince(LocalDate.of(2026, 11, 20))).isEqualTo(2);
        assertThat(store.discardedSince(LocalDate.of(2026, 11, 1))).isEqualTo(3);
        assertThat(store.perDay(NOW.minus(Duration.ofDays(1)))).containsExactlyInAnyOrder(
                new CommentStore.DayCount(LocalDate.of(2026, 11, 19), CommentState.SPAM),
                new CommentStore.DayCount(LocalDate.of(2026, 11, 20), CommentState.PENDING),
                new CommentStore.DayCount(LocalDate.of(2026, 11, 20), CommentState.APPROVED));
        assertThat(store.reasonsSince(NOW)).containsExactly("a reason\nanother", "a reason\nanother");
    }

    /**
     * Sends replies at once, each with its {@code then}; on SQLite the writer is held meanwhile, so that all of them
     * queue and share one transaction. Each call reports its id if another connection saw the reply when it returned.
     */
    private List<Future<Long>> sendTogether(List<ObjLongConsumer<Handle>> thens) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(thens.size());
        List<Future<Long>> sent = new ArrayList<>();
        try (WriterHold hold = WriterHold.hold(db)) {
            for (int i = 0; i < thens.size(); i++) {
                Comment c = reply(river, Optional.empty(), "Sent together " + i, "r" + i + "@example.org",
                        "203.0.113." + i, CommentState.PENDING, NOW);
                ObjLongConsumer<Handle> then = thens.get(i);
                sent.add(callers.submit(() -> {
                    long id = store.insert(c, List.of(ReplyEvent.of(ReplyEvent.Kind.RECEIVED, "", Optional.empty(),
                            Optional.empty(), "", NOW)), then);
                    return seenElsewhere(id) ? id : -1L;
                }));
                if (db.dialect() == Dialect.SQLITE) WriterHold.untilPending(db, i + 1); // in this order
            }
        } finally {
            callers.shutdown();
        }
        return sent;
    }

    // On a connection of its own, outside the pools.
    private boolean seenElsewhere(long id) throws Exception {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM comment"
                + " WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    @Test
    void repliesSentTogetherAreStoredWhenTheirCallsReturnAndOneWhoseThenFailsFailsAlone() throws Exception {
        IllegalStateException refused = new IllegalStateException("the outbox refused");
        ObjLongConsumer<Handle> fine = (h, id) -> {};
        List<Future<Long>> sent = sendTogether(List.of(fine, fine, (h, id) -> {
            throw refused;
        }, fine));

        List<Long> kept = new ArrayList<>();
        for (int i : List.of(0, 1, 3)) kept.add(sent.get(i).get());
        assertThat(kept).allSatisfy(id -> assertThat(id).isPositive());
        assertThat(WriterHold.failureOf(sent.get(2))).isSameAs(refused);
        assertThat(store.all(river)).extracting(Comment::id).containsExactlyInAnyOrderElementsOf(kept);
        int history = db.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reply_event")
                .mapTo(Integer.class).one());
        assertThat(history).as("the history of the kept replies only").isEqualTo(3);
        if (db.dialect() == Dialect.SQLITE) assertThat(db.grouped().commits()).isEqualTo(1);
    }

    @Test
    void aReplyWhoseCommitFailsFailsAndIsNotStored() throws Exception {
        // A deferred key is checked at COMMIT: a real way for the COMMIT itself to fail.
        db.writes().useHandle(h -> h.execute("CREATE TABLE reply_probe (comment_id BIGINT NOT NULL REFERENCES"
                + " comment (id) DEFERRABLE INITIALLY DEFERRED)"));
        ObjLongConsumer<Handle> orphan = (h, id) -> h.execute("INSERT INTO reply_probe (comment_id) VALUES (-1)");

        assertThatThrownBy(() -> store.insert(reply(river, Optional.empty(), "Lost", "l@example.org", "203.0.113.9",
                CommentState.PENDING, NOW), List.of(), orphan)).hasStackTraceContaining("oreign key");
        assertThat(store.all(river)).isEmpty();
        // The writer is not left inside the failed transaction.
        long next = store.insert(reply(river, Optional.empty(), "Kept", "k@example.org", "203.0.113.9",
                CommentState.PENDING, NOW), List.of());
        assertThat(store.all(river)).extracting(Comment::id).containsExactly(next);
    }
}
