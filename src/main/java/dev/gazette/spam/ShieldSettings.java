package dev.gazette.spam;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How strict the shield is. Start from {@link #defaults()} and change what the site needs.
 *
 * @param minSecondsToPost a form posted sooner than this was filled in by a program: discarded
 * @param disallowedKeys words, IPs or emails that discard a reply wherever they appear (case-insensitive)
 * @param spamThreshold probability from which a reply is spam
 * @param discardThreshold probability from which spam is discarded unseen (above 1 disables)
 * @param siteLanguage ISO 639-1 code of the site, or "" to skip the language rule
 * @param minExamplesPerClass the classifier abstains until it has learned this many of spam and of ham
 * @param priorLogOdds the log-odds of spam before any evidence while the classifier abstains
 * @param maxReasons how many reasons a verdict carries at most
 * @param snapshotEvery learned examples between two snapshots written to the {@link ModelStore}
 * @param learner the online classifier's settings; saved with the model
 */
public record ShieldSettings(
        double minSecondsToPost,
        List<String> disallowedKeys,
        double spamThreshold,
        double discardThreshold,
        String siteLanguage,
        int minExamplesPerClass,
        double priorLogOdds,
        int maxReasons,
        int snapshotEvery,
        LearnerSettings learner) {

    public ShieldSettings {
        Objects.requireNonNull(disallowedKeys, "disallowedKeys");
        Objects.requireNonNull(siteLanguage, "siteLanguage");
        Objects.requireNonNull(learner, "learner");
        disallowedKeys = disallowedKeys.stream()
                .map(k -> Objects.requireNonNull(k, "disallowed key").trim().toLowerCase(Locale.ROOT))
                .filter(k -> !k.isEmpty()).toList();
        siteLanguage = siteLanguage.trim().toLowerCase(Locale.ROOT);
        if (!(spamThreshold > 0 && spamThreshold < 1)) {
            throw new IllegalArgumentException("spamThreshold must be in (0,1): " + spamThreshold);
        }
        if (!(discardThreshold >= spamThreshold)) {
            throw new IllegalArgumentException("discardThreshold must be >= spamThreshold: " + discardThreshold);
        }
        if (minExamplesPerClass < 0 || maxReasons < 0 || snapshotEvery < 1 || !(minSecondsToPost >= 0)) {
            throw new IllegalArgumentException("counts and seconds must be non-negative, snapshotEvery >= 1");
        }
    }

    /**
     * Three seconds to post, spam from p=0.75, discard from p=0.995, abstain until 20 of each class.
     *
     * <p>Spam from 0.75, not 0.5, because the two errors do not cost the same: a reply wrongly
     * held as spam is a reader silenced (few moderators read the spam folder), while spam let
     * through is published where anyone can flag it, and spam with links is held for moderation
     * anyway. Counting a silenced reader as three published spams gives the threshold
     * 3 / (3 + 1) = 0.75. See docs/shield.md for what it trades.
     */
    public static ShieldSettings defaults() {
        return new ShieldSettings(3.0, List.of(), 0.75, 0.995, "", 20, -2.0, 5, 1000, LearnerSettings.defaults());
    }

    /** A copy with another site language. */
    public ShieldSettings withSiteLanguage(String language) {
        return new ShieldSettings(minSecondsToPost, disallowedKeys, spamThreshold, discardThreshold, language,
                minExamplesPerClass, priorLogOdds, maxReasons, snapshotEvery, learner);
    }

    /** A copy with other disallowed keys. */
    public ShieldSettings withDisallowedKeys(List<String> keys) {
        return new ShieldSettings(minSecondsToPost, keys, spamThreshold, discardThreshold, siteLanguage,
                minExamplesPerClass, priorLogOdds, maxReasons, snapshotEvery, learner);
    }

    /** A copy with other thresholds. */
    public ShieldSettings withThresholds(double spam, double discard) {
        return new ShieldSettings(minSecondsToPost, disallowedKeys, spam, discard, siteLanguage,
                minExamplesPerClass, priorLogOdds, maxReasons, snapshotEvery, learner);
    }

    /** A copy with another abstention count. */
    public ShieldSettings withMinExamplesPerClass(int n) {
        return new ShieldSettings(minSecondsToPost, disallowedKeys, spamThreshold, discardThreshold, siteLanguage,
                n, priorLogOdds, maxReasons, snapshotEvery, learner);
    }

    /** A copy whose verdicts carry at most n reasons. */
    public ShieldSettings withMaxReasons(int n) {
        return new ShieldSettings(minSecondsToPost, disallowedKeys, spamThreshold, discardThreshold, siteLanguage,
                minExamplesPerClass, priorLogOdds, n, snapshotEvery, learner);
    }

    /** A copy with another snapshot interval. */
    public ShieldSettings withSnapshotEvery(int n) {
        return new ShieldSettings(minSecondsToPost, disallowedKeys, spamThreshold, discardThreshold, siteLanguage,
                minExamplesPerClass, priorLogOdds, maxReasons, n, learner);
    }

    /** A copy with other learner settings. */
    public ShieldSettings withLearner(LearnerSettings l) {
        return new ShieldSettings(minSecondsToPost, disallowedKeys, spamThreshold, discardThreshold, siteLanguage,
                minExamplesPerClass, priorLogOdds, maxReasons, snapshotEvery, l);
    }

    /** Whether the classifier keeps quiet for this model: it has not yet learned enough of spam and of ham. */
    boolean abstains(ShieldModel m) {
        return m.spamSeen < minExamplesPerClass || m.hamSeen < minExamplesPerClass;
    }
}
