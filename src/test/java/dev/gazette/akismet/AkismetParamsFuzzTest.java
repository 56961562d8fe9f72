package dev.gazette.akismet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gazette.spam.Example;
import dev.gazette.spam.ShieldSettings;
import dev.gazette.spam.SpamShield;
import dev.gazette.spam.Submission;
import dev.gazette.spam.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fuzzes the fields of an Akismet call into a submission, and the shield's check of it. */
class AkismetParamsFuzzTest {
    private static final List<String> FIELDS = List.of("comment_content", "comment_author", "comment_author_email",
            "comment_author_url", "user_ip", "user_agent", "referrer", "permalink", "comment_type", "blog_lang",
            "honeypot_field_name", "comment_post_modified_gmt", "is_test", "api_key", "blog", "hidden_field");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final SpamShield SHIELD = trained();

    @FuzzTest
    void anyFieldsGiveASubmissionAndAVerdict(FuzzedDataProvider data) {
        Map<String, String> fields = new HashMap<>();
        int n = data.consumeInt(0, 20);
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            String name = data.consumeBoolean() ? data.pickValue(FIELDS) : data.consumeString(30);
            fields.put(name, data.consumeString(2_000));
        }
        AkismetParams params = new AkismetParams(fields);

        Submission submission = params.submission(CLOCK);
        assertThat(submission.content()).isEqualTo(params.get("comment_content"));
        assertThat(submission.siteLanguage()).hasSizeLessThanOrEqualTo(2);
        assertThat(submission.articleAgeDays().orElse(0)).isFinite().isNotNegative();
        Verdict verdict = SHIELD.check(submission);
        assertThat(verdict.spamProbability()).isBetween(0.0, 1.0);
        params.isTest();

        AkismetParams kept = AkismetParams.fromJson(params.toJson());
        assertThat(kept.fields()).doesNotContainKeys("api_key", "key");
        assertThat(kept.submission(CLOCK)).as("what is kept for feedback weighs the same").isEqualTo(submission);
    }

    private static SpamShield trained() {
        SpamShield shield = SpamShield.inMemory(ShieldSettings.defaults().withMinExamplesPerClass(1));
        shield.seed(List.of(Example.of("Thanks, the council vote was closer than it says.", false),
                Example.of("Where can I read the full report?", false),
                Example.of("Cheap pills online http://pills.example.xyz buy now", true),
                Example.of("Earn 500 dollars a day, click http://earn.example.top", true)));
        return shield;
    }
}
