package dev.gazette.akismet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.spam.CommentType;
import dev.gazette.spam.Submission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The form fields of an Akismet call, as the shield reads them. */
record AkismetParams(Map<String, String> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FIELD = 100_000;
    /** Fields never kept: credentials. */
    private static final java.util.Set<String> NOT_KEPT = java.util.Set.of("api_key", "key");

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

    /** The fields as JSON, credentials left out: what is kept for feedback. */
    String toJson() {
        Map<String, String> kept = new TreeMap<>(fields);
        kept.keySet().removeAll(NOT_KEPT);
        try {
            return JSON.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
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

    private static java.util.Optional<Instant> instant(String iso) {
        if (iso.isBlank()) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(Instant.parse(iso.strip()));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
