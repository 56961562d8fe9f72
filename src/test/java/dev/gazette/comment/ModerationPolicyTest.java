package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.spam.Decision;
import dev.gazette.spam.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The state a new reply starts in, from the shield's verdict, the site's rules and the author's record. */
class ModerationPolicyTest {
    private static final CommentStore.AuthorRecord NEWCOMER = new CommentStore.AuthorRecord(0, 0, 0, 0, 0, 0);
    private static final CommentStore.AuthorRecord KNOWN = new CommentStore.AuthorRecord(2, 0, 2, 0, 2, 0);
    private static final Verdict HAM = new Verdict(Decision.HAM, 0.1, true, List.of());
    private static final Verdict SPAM = new Verdict(Decision.SPAM, 0.9, true, List.of());
    private static final Verdict DISCARD = new Verdict(Decision.DISCARD, 1.0, true, List.of());

    private static Comment draft(String text) {
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        return new Comment(0, 1, Optional.empty(), 0, "Sam Reader", "sam@example.org", "", text, "", CommentState.PENDING,
                "203.0.113.7", "Mozilla/5.0", "", now, now, 0, "", false);
    }

    private static CommentSettings settings(boolean holdAll, boolean approveKnown, List<String> moderation,
                                            List<String> disallowed, boolean keepDiscarded) {
        CommentSettings d = CommentSettings.defaults();
        return new CommentSettings(holdAll, approveKnown, d.holdAtLinks(), moderation, disallowed, d.closeAfterDays(),
                keepDiscarded, d.maxDepth(), d.pageSize(), d.newestFirst(), d.maxCommentLength(), d.maxNameLength(),
                d.editMinutes(), d.perAddressHour(), d.perNetworkHour(), d.retention());
    }

    private static Optional<CommentState> decide(CommentSettings s, String text, Verdict v, CommentStore.AuthorRecord r) {
        return new ModerationPolicy(s).decide(draft(text), v, r);
    }

    @Test
    void byDefaultKnownAuthorsGoThroughAndNewcomersWait() {
        CommentSettings d = CommentSettings.defaults();
        assertThat(decide(d, "Kind words", HAM, KNOWN)).contains(CommentState.APPROVED);
        assertThat(decide(d, "Kind words", HAM, NEWCOMER)).contains(CommentState.PENDING);
        assertThat(decide(settings(false, false, List.of(), List.of(), false), "Kind words", HAM, NEWCOMER))
                .contains(CommentState.APPROVED);
    }

    @Test
    void theShieldsSpamIsSpamAndWhatItDiscardsIsKeptOnlyWhenAsked() {
        CommentSettings d = CommentSettings.defaults();
        assertThat(decide(d, "Kind words", SPAM, KNOWN)).contains(CommentState.SPAM);
        assertThat(decide(d, "Kind words", DISCARD, KNOWN)).isEmpty();
        assertThat(decide(settings(false, true, List.of(), List.of(), true), "Kind words", DISCARD, KNOWN))
                .contains(CommentState.SPAM);
    }

    @Test
    void keysMatchAnyFieldIgnoringCaseAndDisallowedWinsOverHeld() {
        CommentSettings keys = settings(false, true, List.of("bridge", " "), List.of("203.0.113."), false);
        assertThat(decide(settings(false, true, List.of("bridge"), List.of(), false), "About the BRIDGE", HAM, KNOWN))
                .contains(CommentState.PENDING);
        assertThat(decide(settings(false, true, List.of(), List.of("SAM@"), false), "Kind words", HAM, KNOWN))
                .contains(CommentState.SPAM);
        assertThat(decide(keys, "About the bridge", HAM, KNOWN)).as("the IP is disallowed").contains(CommentState.SPAM);
        assertThat(decide(settings(false, true, List.of(" "), List.of(), false), "Kind words", HAM, KNOWN))
                .as("a blank key matches nothing").contains(CommentState.APPROVED);
    }

    @Test
    void holdAllAndLinksHoldEvenKnownAuthors() {
        assertThat(decide(settings(true, true, List.of(), List.of(), false), "Kind words", HAM, KNOWN))
                .contains(CommentState.PENDING);
        assertThat(decide(CommentSettings.defaults(), "See https://a.example and https://b.example", HAM, KNOWN))
                .contains(CommentState.PENDING);
        assertThat(decide(CommentSettings.defaults(), "See https://a.example", HAM, KNOWN)).contains(CommentState.APPROVED);
    }
}
