package dev.gazette.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.HandClock;
import dev.gazette.account.AccountStore;
import dev.gazette.account.Accounts;
import dev.gazette.account.Role;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentState;
import dev.gazette.store.Database;
import dev.gazette.store.SiteSecret;
import dev.gazette.store.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Held replies reach each moderator at once after a quiet spell, then gathered into one digest per quiet time. */
class ModeratorMailTest {
    final HandClock clock = new HandClock();
    Database db;
    MailStore store;
    Outbox outbox;
    ReplyNotices notices;
    DigestJob digests;
    long mo;
    int waiting = 0;
    int queueCounted = 0;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite();
        store = new MailStore(db);
        outbox = new Outbox(db);
        Accounts accounts = new Accounts(new AccountStore(db), clock);
        mo = accounts.add("mo@gazette.test", "Mo", Role.MODERATOR, "moderating all day").id();
        accounts.add("ed@gazette.test", "Ed", Role.EDITOR, "editing all day long");
        MailLinks links = new MailLinks(SiteSecret.of(new byte[32]), () -> "https://news.test/");
        notices = new ReplyNotices(store, outbox, () -> "Test Gazette", links, id -> Optional.empty(), () -> 10, clock);
        digests = new DigestJob(store, outbox, () -> "Test Gazette", links, () -> {
            queueCounted++;
            return waiting;
        }, () -> 10, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    void held(String text) {
        waiting++;
        Comment c = new Comment(waiting, 1, Optional.empty(), 0, "Reader", "r@readers.test", "", text, "", CommentState.PENDING,
                "127.0.0.1", "", "", clock.instant(), clock.instant(), 0.1, "", false);
        db.writes().useTransaction(h -> notices.stored(h, c, false));
    }

    List<OutgoingMail> mails() {
        return outbox.waitingAndFailed(100).stream().map(Outbox.Queued::mail).toList();
    }

    @Test
    void theQueueIsCountedOnlyWhenADigestIsDueNotAtEveryRunOfTheJob() {
        held("First question");
        for (int i = 0; i < 5; i++) digests.runOnce();
        assertThat(queueCounted).as("nothing gathered yet").isZero();

        clock.advance(Duration.ofMinutes(1));
        held("Second");
        digests.runOnce();
        assertThat(queueCounted).as("gathered, but the quiet time is not over").isZero();

        clock.advance(Duration.ofMinutes(9));
        assertThat(digests.runOnce()).isEqualTo(1);
        assertThat(queueCounted).isEqualTo(1);
        digests.runOnce();
        assertThat(queueCounted).as("the digest went: nothing due").isEqualTo(1);
    }

    @Test
    void theFirstHeldReplyGoesAtOnceTheNextOnesInOneDigestAfterTheQuietTime() {
        held("First question");
        assertThat(mails()).extracting(OutgoingMail::to, OutgoingMail::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mo@gazette.test", "moderation"));

        clock.advance(Duration.ofMinutes(1));
        held("Second");
        held("Third");
        assertThat(digests.runOnce()).as("quiet time not over").isZero();
        assertThat(mails()).hasSize(1);

        clock.advance(Duration.ofMinutes(9));
        assertThat(digests.runOnce()).isEqualTo(1);
        OutgoingMail digest = mails().get(1);
        assertThat(digest.kind()).isEqualTo("digest");
        assertThat(digest.text()).contains("2 more replies were held").contains("3 replies wait")
                .contains("https://news.test/admin/replies?state=pending");
        assertThat(digests.runOnce()).isZero();

        clock.advance(Duration.ofMinutes(30));
        held("After a quiet spell");
        assertThat(mails()).hasSize(3);
        assertThat(mails().get(2).kind()).isEqualTo("moderation");
    }

    @Test
    void aModeratorWhoTurnedThemOffGetsNone() {
        assertThat(store.setNotices(mo, false)).isTrue();
        held("Nobody hears of this");
        clock.advance(Duration.ofHours(1));
        digests.runOnce();
        assertThat(mails()).isEmpty();
    }
}
