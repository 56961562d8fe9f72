package dev.gazette.comment;

import dev.gazette.spam.Decision;
import dev.gazette.spam.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Turns the shield's verdict and the site's rules into the state a new reply starts in. */
final class ModerationPolicy {
    private final CommentSettings settings;

    ModerationPolicy(CommentSettings settings) {
        this.settings = settings;
    }

    /** The state to store, or empty when the reply is to be discarded unstored. */
    Optional<CommentState> decide(Comment draft, Verdict verdict, CommentStore.AuthorRecord record) {
        if (verdict.decision() == Decision.DISCARD) {
            return settings.keepDiscarded() ? Optional.of(CommentState.SPAM) : Optional.empty();
        }
        if (matchesAny(draft, settings.disallowedKeys())) {
            return Optional.of(CommentState.SPAM);
        }
        if (verdict.decision() == Decision.SPAM) return Optional.of(CommentState.SPAM);
        if (settings.holdAll() || matchesAny(draft, settings.moderationKeys())) return Optional.of(CommentState.PENDING);
        if (CommentText.links(draft.bodyMarkdown() + " " + draft.authorUrl()) >= settings.holdAtLinks()) {
            return Optional.of(CommentState.PENDING);
        }
        if (settings.approveKnownAuthors()) {
            return Optional.of(record.approvedByEmail() > 0 ? CommentState.APPROVED : CommentState.PENDING);
        }
        return Optional.of(CommentState.APPROVED);
    }

    /** A key matches inside the text, name, email, website, IP or browser, ignoring case, as in WordPress. */
    private static boolean matchesAny(Comment c, List<String> keys) {
        return keys.stream().map(k -> k.strip().toLowerCase(Locale.ROOT)).filter(k -> !k.isEmpty())
                .anyMatch(key -> Stream.of(c.bodyMarkdown(), c.authorName(), c.authorEmail(), c.authorUrl(), c.ip(),
                                c.userAgent())
                        .anyMatch(field -> field.toLowerCase(Locale.ROOT).contains(key)));
    }
}
