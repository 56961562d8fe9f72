package dev.gazette.settings;

import dev.gazette.comment.CommentSettings;
import dev.gazette.privacy.Retention;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the reply policy from text settings (config file, environment, or the newsroom's settings page), one key at
 * a time, and says for each bad value what to write instead. Keys missing from the lookup keep the given values.
 */
public final class PolicyForm {
    /** Every key this form reads, in the order the settings page shows them. */
    public static final List<String> KEYS = List.of("comments.hold-all", "comments.approve-known-authors",
            "comments.hold-at-links", "comments.moderation-keys", "comments.disallowed-keys", "comments.close-after-days",
            "comments.keep-discarded", "comments.max-depth", "comments.page-size", "comments.newest-first",
            "comments.edit-minutes", "comments.max-per-address-hour", "comments.max-per-network-hour",
            "privacy.anonymize-ip-after-days", "privacy.delete-spam-after-days",
            "privacy.delete-trash-after-days");

    /** The keys that are yes-or-no, shown as checkboxes. */
    public static final List<String> SWITCHES = List.of("comments.hold-all", "comments.approve-known-authors",
            "comments.keep-discarded", "comments.newest-first");

    private final Function<String, String> lookup;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private PolicyForm(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The policy read from the lookup over the given one, and a message for each key that could not be read. */
    public static Parsed parse(Function<String, String> lookup, CommentSettings base) {
        PolicyForm f = new PolicyForm(lookup);
        Retention r = base.retention();
        CommentSettings read = new CommentSettings(
                f.bool("comments.hold-all", base.holdAll()),
                f.bool("comments.approve-known-authors", base.approveKnownAuthors()),
                f.number("comments.hold-at-links", base.holdAtLinks(), 1, 100),
                f.list("comments.moderation-keys", base.moderationKeys()),
                f.list("comments.disallowed-keys", base.disallowedKeys()),
                f.number("comments.close-after-days", base.closeAfterDays(), 0, 36_500),
                f.bool("comments.keep-discarded", base.keepDiscarded()),
                f.number("comments.max-depth", base.maxDepth(), 1, 10),
                f.number("comments.page-size", base.pageSize(), 1, 500),
                f.bool("comments.newest-first", base.newestFirst()),
                base.maxCommentLength(),
                base.maxNameLength(),
                f.number("comments.edit-minutes", base.editMinutes(), 0, 1440),
                f.number("comments.max-per-address-hour", base.perAddressHour(), 0, 100_000),
                f.number("comments.max-per-network-hour", base.perNetworkHour(), 0, 100_000),
                new Retention(
                        f.number("privacy.anonymize-ip-after-days", r.anonymizeIpAfterDays(), 1, 3650),
                        f.number("privacy.delete-spam-after-days", r.deleteSpamAfterDays(), 1, 3650),
                        f.number("privacy.delete-trash-after-days", r.deleteTrashAfterDays(), 1, 3650)));
        return new Parsed(read, f.errors);
    }

    /** The text form of a policy, by key: what the settings page fills its fields with. */
    public static Map<String, String> values(CommentSettings s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("comments.hold-all", String.valueOf(s.holdAll()));
        v.put("comments.approve-known-authors", String.valueOf(s.approveKnownAuthors()));
        v.put("comments.hold-at-links", String.valueOf(s.holdAtLinks()));
        v.put("comments.moderation-keys", String.join("\n", s.moderationKeys()));
        v.put("comments.disallowed-keys", String.join("\n", s.disallowedKeys()));
        v.put("comments.close-after-days", String.valueOf(s.closeAfterDays()));
        v.put("comments.keep-discarded", String.valueOf(s.keepDiscarded()));
        v.put("comments.max-depth", String.valueOf(s.maxDepth()));
        v.put("comments.page-size", String.valueOf(s.pageSize()));
        v.put("comments.newest-first", String.valueOf(s.newestFirst()));
        v.put("comments.edit-minutes", String.valueOf(s.editMinutes()));
        v.put("comments.max-per-address-hour", String.valueOf(s.perAddressHour()));
        v.put("comments.max-per-network-hour", String.valueOf(s.perNetworkHour()));
        v.put("privacy.anonymize-ip-after-days", String.valueOf(s.retention().anonymizeIpAfterDays()));
        v.put("privacy.delete-spam-after-days", String.valueOf(s.retention().deleteSpamAfterDays()));
        v.put("privacy.delete-trash-after-days", String.valueOf(s.retention().deleteTrashAfterDays()));
        return v;
    }

    private String raw(String key) {
        String value = lookup.apply(key);
        return value == null ? null : value.strip();
    }

    private boolean bool(String key, boolean fallback) {
        String v = raw(key);
        if (v == null || v.isEmpty()) return fallback;
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                errors.put(key, key + " must be true or false, not '" + v + "'.");
                return fallback;
        }
    }

    private int number(String key, int fallback, int min, int max) {
        String v = raw(key);
        if (v == null || v.isEmpty()) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(key, key + " must be a whole number from " + min + " to " + max + ", not '" + v + "'.");
        return fallback;
    }

    private List<String> list(String key, List<String> fallback) {
        String v = lookup.apply(key);
        if (v == null) return fallback;
        return Arrays.stream(v.split("[,\\n]")).map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    /** A policy and the problems met reading it, by key. */
    public record Parsed(CommentSettings settings, Map<String, String> errors) {
        public Parsed {
            errors = Map.copyOf(errors);
        }
    }
}
