package dev.gazette.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.gazette.HandClock;
import dev.gazette.account.AccountStore;
import dev.gazette.account.Accounts;
import dev.gazette.account.Role;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleSearch;
import dev.gazette.article.ArticleState;
import dev.gazette.article.ArticleStore;
import dev.gazette.article.Articles;
import dev.gazette.article.MarkdownRenderer;
import dev.gazette.comment.CommentForm;
import dev.gazette.comment.CommentStore;
import dev.gazette.comment.CommentSettings;
import dev.gazette.comment.Comments;
import dev.gazette.comment.ReplyIntake;
import dev.gazette.comment.RequestInfo;
import dev.gazette.comment.Submitted;
import dev.gazette.spam.Decision;
import dev.gazette.spam.Verdict;
import dev.gazette.store.Database;
import dev.gazette.store.Dialect;
import dev.gazette.store.SiteSecret;
import dev.gazette.store.StatementLog;
import dev.gazette.store.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a reply held for moderation that ticks "Notify me" writes with mail on, and in how many statements: on SQLite
 * every statement runs inside the one writer's transaction, so each one holds up every other reply being posted.
 */
class ReplyNoticeWritesTest {
    private final HandClock clock = new HandClock();
    private Database db;
    private Outbox outbox;
    private MailStore store;
    private Article article;
    private ReplyIntake intake;
    private long mo;
    private int posted;

    private void open(Dialect dialect) {
        db = TestDatabases.of(dialect);
        outbox = new Outbox(db);
        MailStore store = new MailStore(db);
        Accounts accounts = new Accounts(new AccountStore(db), clock);
        mo = accounts.add("mo@gazette.test", "Mo", Role.MODERATOR, "moderating all day").id();
        accounts.add("ad@gazette.test", "Ad", Role.ADMIN, "running it all day");
        accounts.add("ed@gazette.test", "Ed", Role.EDITOR, "editing all day long");
        Articles articles = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(), clock,
                keys -> {});
        article = articles.create(new ArticleDraft("Ferry times", "Summary.", "Body of the story.", "Ada Reporter",
                "World", List.of(), ArticleState.PUBLISHED, Optional.of(clock.instant()), Optional.empty()));
        MailLinks links = new MailLinks(SiteSecret.of(new byte[32]), () -> "https://news.test/");
        ReplyNotices notices = new ReplyNotices(store, outbox, () -> "Test Gazette", links, articles::find, () -> 10,
                clock);
        CommentSettings d = CommentSettings.defaults();
        CommentSettings holdAll = new CommentSettings(true, d.approveKnownAuthors(), d.holdAtLinks(),
                d.moderationKeys(), d.disallowedKeys(), d.closeAfterDays(), d.keepDiscarded(), d.maxDepth(),
                d.pageSize(), d.newestFirst(), d.maxCommentLength(), d.maxNameLength(), d.editMinutes(), 0, 0,
                d.retention());
        intake = new Comments(new CommentStore(db), () -> holdAll,
                s -> new Verdict(Decision.HAM, 0.1, true, List.of()), articles::find, clock, id -> {}, notices).intake();
        this.store = store;
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    private void reply(String email, boolean notify) {
        posted++;
        Submitted outcome = intake.submit(article, new CommentForm("Does the ferry run at 6:10 on Sundays, number "
                + posted + "?", "Sam Reader", email, "", Optional.empty(), false, notify), new RequestInfo("203.0.113.7",
                "Mozilla/5.0", "", OptionalDouble.of(30), "", false));
        assertThat(outcome).isInstanceOf(Submitted.Stored.class);
    }

    private List<String> statementsOf(Runnable r) {
        try (StatementLog log = StatementLog.watch(db)) {
            r.run();
            return List.copyOf(log.statements());
        }
    }

    private List<OutgoingMail> mails() {
        return outbox.waitingAndFailed(100).stream().map(Outbox.Queued::mail).toList();
    }

    @Test
    void aHeldReplyThatAsksToBeNotifiedTakesSixStatementsWhateverTheNumberOfModerators() {
        open(Dialect.SQLITE);
        reply("sam@readers.test", false); // the story's title is read once, then kept: not counted below
        clock.advance(Duration.ofMinutes(11));
        List<String> first = statementsOf(() -> reply("sam1@readers.test", true));
        List<String> gathered = statementsOf(() -> reply("sam2@readers.test", true));

        assertThat(mails()).extracting(OutgoingMail::to, OutgoingMail::kind).containsExactly(
                tuple("mo@gazette.test", "moderation"), tuple("ad@gazette.test", "moderation"),
                tuple("mo@gazette.test", "moderation"), tuple("ad@gazette.test", "moderation"),
                tuple("sam1@readers.test", "confirm"), tuple("sam2@readers.test", "confirm"));
        // The reply's own three (the checks, the reply, its history); then one for every moderator's notice or count,
        // one for the subscription with the address's record, one for the mails. Told at once after a quiet spell,
        // the moderators' addresses are read too.
        assertThat(gathered).as("statements per held reply, moderators' mail gathered: %s", gathered).hasSize(6);
        assertThat(first).as("statements per held reply, moderators told at once: %s", first).hasSize(7);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void moderatorsAreToldAtOnceAfterAQuietSpellAndCountedForTheDigestOtherwise(Dialect dialect) {
        open(dialect);
        assertThat(store.setNotices(mo, false)).isTrue();
        reply("sam@readers.test", false);
        clock.advance(Duration.ofMinutes(1));
        reply("sam@readers.test", false);
        reply("sam@readers.test", false);

        assertThat(mails()).extracting(OutgoingMail::to, OutgoingMail::kind)
                .as("the admin at once, the moderator who turned them off never, the editor does not moderate")
                .containsExactly(tuple("ad@gazette.test", "moderation"));
        assertThat(mails().get(0).text()).contains("“Ferry times”").contains("number 1");
        List<Tuple> counts = db.reads().withHandle(h -> h.createQuery("SELECT u.email,"
                        + " m.held_since_mail FROM mail_staff m JOIN staff_user u ON u.id = m.user_id ORDER BY u.email")
                .map((rs, ctx) -> tuple(rs.getString(1), rs.getInt(2))).list());
        assertThat(counts).as("gathered for the digest: the admin's count only").containsExactly(tuple("ad@gazette.test", 2),
                        tuple("mo@gazette.test", 0));

        clock.advance(Duration.ofMinutes(30));
        reply("sam@readers.test", false);
        assertThat(mails()).as("gathered replies wait for the digest, however long")
                .extracting(OutgoingMail::kind).containsExactly("moderation");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anAddressIsAskedToConfirmAtMostThreeTimesADayAndNeverOnceItConfirmed(Dialect dialect) {
        open(dialect);
        for (int i = 0; i < ReplyNotices.CONFIRMATIONS_PER_DAY + 1; i++) reply("sam@readers.test", true);
        assertThat(confirmations()).isEqualTo(ReplyNotices.CONFIRMATIONS_PER_DAY);
        assertThat(subscriptions()).as("the fourth is not even kept").isEqualTo(ReplyNotices.CONFIRMATIONS_PER_DAY);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        reply("sam@readers.test", true);
        assertThat(confirmations()).as("a day later, asked again").isEqualTo(4);

        long first = db.reads().<Long, RuntimeException>withHandle(h -> h.createQuery("SELECT MIN(id) FROM mail_subscription")
                .mapTo(Long.class).one());
        assertThat(new Subscriptions(store, outbox, null, clock).confirm(first)).isTrue();
        reply("sam@readers.test", true);
        reply("sam@readers.test", true);
        assertThat(confirmations()).as("confirmed once: later replies are followed without asking").isEqualTo(4);
        assertThat(subscriptions()).isEqualTo(6);
        int confirmed = db.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_subscription"
                + " WHERE confirmed = 1").mapTo(Integer.class).one());
        assertThat(confirmed).isEqualTo(3);
    }

    private long confirmations() {
        return mails().stream().filter(m -> m.kind().equals("confirm")).count();
    }

    private int subscriptions() {
        return db.reads().<Integer, RuntimeException>withHandle(h -> h.createQuery("SELECT COUNT(*)"
                + " FROM mail_subscription").mapTo(Integer.class).one());
    }
}
