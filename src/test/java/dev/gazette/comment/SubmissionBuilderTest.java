package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.HandClock;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleDraft;
import dev.gazette.article.ArticleSearch;
import dev.gazette.article.ArticleState;
import dev.gazette.article.ArticleStore;
import dev.gazette.article.Articles;
import dev.gazette.article.MarkdownRenderer;
import dev.gazette.spam.Decision;
import dev.gazette.spam.History;
import dev.gazette.spam.Submission;
import dev.gazette.spam.Verdict;
import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shield learns a moderated reply from the same submission it judged when the reply came in. */
class SubmissionBuilderTest {
    private static final String IP = "203.0.113.7";

    private final HandClock clock = new HandClock(Instant.parse("2026-11-20T12:00:00Z"));
    private final List<Submission> checked = new ArrayList<>();
    private Database db;
    private Articles articles;
    private Comments comments;

    @BeforeEach
    void setUp() {
        db = TestDatabases.sqlite();
        articles = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(), clock, keys -> {});
        comments = new Comments(new CommentStore(db), CommentSettings::defaults, this::judge, articles::find, clock,
                id -> {});
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Records what the check saw and calls everything ham, so the policy decides the state. */
    private Verdict judge(Submission s) {
        checked.add(s);
        return new Verdict(Decision.HAM, 0.2, true, List.of());
    }

    private Article article(String title, Duration ago, String... tags) {
        return articles.create(new ArticleDraft(title, "Summary.", "Body of the story.", "Ada Reporter", "World",
                List.of(tags), ArticleState.PUBLISHED, Optional.of(clock.instant().minus(ago)), Optional.empty()));
    }

    private Comment post(Article on, String text, String email, boolean proven) {
        Submitted result = comments.intake().submit(on, new CommentForm(text, "Sam Reader", email, "", Optional.empty(), false),
                new RequestInfo(IP, "Mozilla/5.0 (X11)", "https://example.org/", OptionalDouble.of(42), "", proven));
        assertThat(result).isInstanceOf(Submitted.Stored.class);
        return ((Submitted.Stored) result).comment();
    }

    @Test
    void aLessonCarriesTheArticleHistoryAndCopiesTheCheckWeighed() {
        Article river = article("Floods close the river road", Duration.ofDays(3), "Climate", "Transport");
        Article market = article("Market day returns", Duration.ofDays(1));
        clock.advance(Duration.ofMinutes(1));
        Comment earlier = post(market, "Cheap watches at my shop, come and see them all", "sam@example.org", false);
        comments.moderate(earlier.id(), CommentState.SPAM);
        Comment approved = post(river, "The bridge at the mill was closed by noon too.", "sam@example.org", false);
        comments.moderate(approved.id(), CommentState.APPROVED);
        clock.advance(Duration.ofMinutes(5));

        Comment judged = post(river, "Cheap watches at my shop, come and see them all", "sam@example.org", false);
        Submission atCheck = checked.get(checked.size() - 1);
        assertThat(atCheck.articleTitle()).isEqualTo("Floods close the river road");
        assertThat(atCheck.recentIdenticalElsewhere()).isEqualTo(1);
        assertThat(atCheck.history()).isEqualTo(new History(0, 1, 1, 1, 1, 1, 0, 0));

        // The moderator decides, and later replies from the same address arrive: the lesson is still what was judged.
        comments.moderate(judged.id(), CommentState.SPAM);
        clock.advance(Duration.ofHours(2));
        Comment later = post(market, "Another reply, later, from the same address.", "other@example.org", false);
        comments.moderate(later.id(), CommentState.APPROVED);
        Comment copy = post(article("Harbour opens", Duration.ZERO), "Cheap watches at my shop, come and see them all", "third@example.org", false);
        comments.moderate(copy.id(), CommentState.SPAM);

        Submission lesson = comments.submissionOf(comments.find(judged.id()).orElseThrow());
        // Only how fast the form was sent and the honeypot are not kept; they decide before anything is learned.
        assertThat(lesson).usingRecursiveComparison().ignoringFields("secondsToPost", "honeypot").isEqualTo(atCheck);
        assertThat(lesson.secondsToPost()).isEmpty();
    }

    @Test
    void aReplyToAReplyIsLearnedAsOne() {
        Article river = article("Floods close the river road", Duration.ofDays(3));
        Comment parent = post(river, "The bridge at the mill was closed by noon too.", "sam@example.org", false);
        comments.moderate(parent.id(), CommentState.APPROVED);
        Submitted answer = comments.intake().submit(river, new CommentForm("And the ferry stopped at four.", "Kim", "kim@example.org",
                "", Optional.of(parent.id()), false), new RequestInfo(IP, "", "", OptionalDouble.empty(), "", false));
        Comment reply = ((Submitted.Stored) answer).comment();

        assertThat(comments.submissionOf(reply)).isEqualTo(checked.get(checked.size() - 1));
    }
}
