package dev.gazette.akismet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.spam.CommentType;
import dev.gazette.spam.Fingerprint;
import dev.gazette.spam.Submission;
import dev.gazette.store.Hashes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The form fields of an Akismet call, as the shield reads them. */
record AkismetParams(Map<String, String> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FIELD = 100_000;
    /** Fields never kept: credentials. */
    private static final Set<String> NOT_KEPT = Set.of("api_key", "key");
    /**
     * At most this much of a check is kept for feedback, as UTF-8 JSON: a key at its rate limit then adds at most
     * 32 KiB a check instead of the whole request (up to 1 MB). The verdict is made on the full text.
     */
    static final int MAX_STORED_BYTES = 32 * 1024;
    /** The reply's beginning is kept as far as a fingerprint reads it, so feedback by guid recognises the text. */
    private static final int MAX_STORED_CONTENT = Fingerprint.MAX_CHARS;
    private static final int MAX_STORED_FIELD = 500;
    /** The fields kept for feedback: Akismet's own; whatever else a client sends (server variables, say) is not. */
    private static final List<String> STORED = List.of("blog", "blog_lang", "blog_charset",
            "user_ip", "user_agent", "referrer", "permalink", "comment_type", "comment_author", "comment_author_email",
            "comment_author_url", "comment_content", "comment_date_gmt", "comment_post_modified_gmt", "user_role",
            "is_test", "recheck_reason", "honeypot_field_name");

    AkismetParams {
        fields = Map.copyOf(fields);
    }

    String get(String name) {
        String value = fields.get(name);
        if (value == null) return "";
        return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value;
    }

    boolean has(String name) {
        return !get(name).isBlank();
    }

    boolean isTest() {
        String v = get("is_test").strip().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("true");
    }

    /** What the shield weighs: the reply, who sent it from where, and the post it answers. */
    Submission submission(Clock clock) {
        Submission.Builder b = Submission.builder(get("comment_content"))
                .authorName(get("comment_author"))
                .authorEmail(get("comment_author_email"))
                .authorUrl(get("comment_author_url"))
                .ip(get("user_ip"))
                .userAgent(get("user_agent"))
                .referrer(get("referrer"))
                .permalink(get("permalink"))
                .type(CommentType.fromWireName(get("comment_type")))
                .siteLanguage(language(get("blog_lang")));
        String honeypotField = get("honeypot_field_name");
        if (!honeypotField.isBlank() && !NOT_KEPT.contains(honeypotField)) b.honeypot(get(honeypotField));
        instant(get("comment_post_modified_gmt")).ifPresent(modified ->
                b.articleAgeDays(Math.max(0, Duration.between(modified, clock.instant()).toMinutes() / 1440.0)));
        return b.build();
    }

    /**
     * What is kept for feedback, as JSON: Akismet's fields and the honeypot field's value, each cut to its cap
     * (the reply to its first {@value #MAX_STORED_CONTENT} characters, others to {@value #MAX_STORED_FIELD}), the
     * whole at most {@link #MAX_STORED_BYTES}; credentials never.
     */
    String toJson() {
        Map<String, String> kept = new TreeMap<>();
        for (String name : STORED) {
            String value = fields.get(name);
            if (value != null) kept.put(name, cut(value, name.equals("comment_content") ? MAX_STORED_CONTENT : MAX_STORED_FIELD));
        }
        String honeypot = fields.getOrDefault("honeypot_field_name", "");
        if (!honeypot.isBlank() && honeypot.length() <= MAX_STORED_FIELD && !NOT_KEPT.contains(honeypot)
                && fields.containsKey(honeypot)) {
            kept.put(honeypot, cut(fields.get(honeypot), MAX_STORED_FIELD));
        }
        String json = write(kept);
        // Only text that grows in UTF-8 or in JSON escapes gets here; each character cut saves at least one byte.
        for (int excess; (excess = json.getBytes(StandardCharsets.UTF_8).length - MAX_STORED_BYTES) > 0; ) {
            String longest = kept.entrySet().stream().max(Map.Entry.comparingByValue(
                    Comparator.comparingInt(String::length))).orElseThrow().getKey();
            String value = kept.get(longest);
            kept.put(longest, cut(value, Math.max(0, value.length() - excess)));
            json = write(kept);
        }
        return json;
    }

    /**
     * What ties feedback sent without a guid to the check it corrects: a hash of the author, the email and the reply's
     * beginning as a check keeps it (cut as {@link #toJson()} cuts it, so a reply longer than what was kept still
     * matches), case and runs of white space aside. The address is left out: WordPress may anonymise it meanwhile.
     */
    String matchHash() {
        String content = cut(get("comment_content"), MAX_STORED_CONTENT).strip().replaceAll("\\s+", " ");
        return Hashes.sha256Hex(get("comment_author").strip().toLowerCase(Locale.ROOT) + "\n"
                + get("comment_author_email").strip().toLowerCase(Locale.ROOT) + "\n" + content);
    }

    private static String write(Map<String, String> kept) {
        try {
            return JSON.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }

    /** The first {@code max} characters, never half a surrogate pair. */
    private static String cut(String value, int max) {
        if (value.length() <= max) return value;
        int end = max > 0 && Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    static AkismetParams fromJson(String json) {
        try {
            return new AkismetParams(JSON.readValue(json, new TypeReference<Map<String, String>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored check parameters are not JSON", e);
        }
    }

    /** "en_us, fr" gives "en": the shield's language rule takes the first two-letter code. */
    private static String language(String blogLang) {
        String first = blogLang.split("[,\\s]")[0].strip().toLowerCase(Locale.ROOT);
        return first.length() >= 2 && Character.isLetter(first.charAt(0)) && Character.isLetter(first.charAt(1))
                ? first.substring(0, 2) : "";
    }

    private static Optional<Instant> instant(String iso) {
        if (iso.isBlank()) return Optional.empty();
        try {
            return Optional.of(Instant.parse(iso.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
