package dev.gazette.akismet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AkismetParamsTest {
    @Test
    void whatIsKeptStaysUnderTheCapWhateverTheFields() {
        Map<String, String> fields = new HashMap<>();
        // Text that grows: three UTF-8 bytes a character, and quotes and control characters that JSON escapes.
        String swollen = "\u20ac\"\u0001".repeat(40_000);
        for (String name : new String[] {"blog", "user_ip", "user_agent", "referrer", "permalink", "comment_author",
                "comment_author_email", "comment_author_url", "comment_content", "recheck_reason"}) {
            fields.put(name, swollen);
        }
        for (int i = 0; i < 500; i++) fields.put("HTTP_X_JUNK_" + i, swollen); // not Akismet's: not kept at all
        fields.put("api_key", "secretkey12345");
        fields.put("honeypot_field_name", "hp");
        fields.put("hp", "filled");
        String json = new AkismetParams(fields).toJson();
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AkismetParams.MAX_STORED_BYTES);
        AkismetParams back = AkismetParams.fromJson(json);
        assertThat(back.has("HTTP_X_JUNK_1")).isFalse();
        assertThat(back.has("api_key")).isFalse();
        assertThat(back.get("hp")).isEqualTo("filled");
        assertThat(swollen).startsWith(back.get("comment_author"));
    }

    @Test
    void aCutNeverSplitsACharacter() {
        String astral = "\uD83D\uDE00".repeat(10_000); // 20,000 chars
        String kept = AkismetParams.fromJson(new AkismetParams(Map.of("comment_content", "x" + astral)).toJson())
                .get("comment_content");
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
    }
}
