package dev.gazette.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.Permission;
import dev.gazette.account.Staff;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleSearch;
import dev.gazette.article.ArticleState;
import dev.gazette.article.ArticleStore;
import dev.gazette.article.Articles;
import dev.gazette.article.MarkdownRenderer;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentForm;
import dev.gazette.comment.CommentSettings;
import dev.gazette.comment.CommentStore;
import dev.gazette.comment.Comments;
import dev.gazette.comment.RequestInfo;
import dev.gazette.comment.Submitted;
import dev.gazette.spam.Decision;
import dev.gazette.spam.ShieldSettings;
import dev.gazette.spam.SpamShield;
import dev.gazette.spam.Verdict;
import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A moderator's decision teaches the shield and is set against what the shield said, at the threshold in force. */
class ModerationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final Staff MODERATOR = new Staff(1, "Mo Derator", "mo@example.org", "moderator",
            Set.of(Permission.REPLIES), "token");

    private Database db;
    private Comments comments;
    private Article article;
    private final List<String> logged = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = TestDatabases.sqlite();
        Articles articles = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(), CLOCK,
                keys -> {});
        article = articles.create(new ArticleDraft("Floods close the river road", "Summary.", "Body.", "Ada Reporter",
                "World", List.of(), ArticleState.PUBLISHED, Optional.of(CLOCK.instant()), Optional.empty()));
        // The shield at the door let this reply through with a spam probability of 0.6.
        comments = new Comments(new CommentStore(db), CommentSettings::defaults,
                s -> new Verdict(Decision.HAM, 0.6, true, List.of()), articles::find, CLOCK, id -> {});
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Moderation moderation(double spamThreshold) {
        ShieldSettings d = ShieldSettings.defaults();
        SpamShield shield = SpamShield.inMemory(new ShieldSettings(d.minSecondsToPost(), d.disallowedKeys(),
                spamThreshold, d.discardThreshold(), d.siteLanguage(), d.minExamplesPerClass(), d.priorLogOdds(),
                d.maxReasons(), d.snapshotEvery(), d.learner()));
        return new Moderation(comments, new dev.gazette.comment.ReplyHistory(db), shield, new CorrectionStore(db),
                (who, action, target) -> logged.add(who.name() + ": " + action + " " + target), CLOCK);
    }

    private Comment held() {
        Submitted s = comments.intake().submit(article, new CommentForm("Buy cheap watches at my shop today", "Sam", "sam@example.org",
                "", Optional.empty(), false), new RequestInfo("203.0.113.7", "", "", OptionalDouble.empty(), "", false));
        return ((Submitted.Stored) s).comment();
    }

    @Test
    void spamScoredBelowTheThresholdInForceIsSpamTheShieldMissed() {
        Moderation moderation = moderation(0.75);
        Comment c = held();

        assertThat(moderation.apply(MODERATOR, Moderation.Action.SPAM, List.of(c.id()))).hasSize(1);

        assertThat(moderation.record()).isEqualTo(new CorrectionStore.ShieldRecord(1, 1, 0));
        assertThat(logged).containsExactly("Mo Derator: mark as spam reply #" + c.id() + " by Sam");
    }

    @Test
    void aLowerThresholdInForceMeansTheShieldHadSaidSpam() {
        Moderation moderation = moderation(0.55);
        Comment c = held();

        moderation.apply(MODERATOR, Moderation.Action.SPAM, List.of(c.id()));
        Comment other = held2();
        moderation.apply(MODERATOR, Moderation.Action.APPROVE, List.of(other.id()));

        // 0.6 >= 0.55: right about the spam, and the approved one was ham it would have blocked.
        assertThat(moderation.record()).isEqualTo(new CorrectionStore.ShieldRecord(2, 0, 1));
    }

    private Comment held2() {
        Submitted s = comments.intake().submit(article, new CommentForm("The bridge at the mill was closed by noon too.", "Kim",
                "kim@example.org", "", Optional.empty(), false),
                new RequestInfo("198.51.100.9", "", "", OptionalDouble.empty(), "", false));
        return ((Submitted.Stored) s).comment();
    }
}
