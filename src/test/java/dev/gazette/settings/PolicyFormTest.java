package dev.gazette.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.comment.CommentSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reply policy read from text, key by key, with a message for each value it cannot use. */
class PolicyFormTest {
    private static final CommentSettings BASE = CommentSettings.defaults();

    @Test
    void missingKeysKeepTheBaseAndItsOwnValuesReadBackTheSame() {
        assertThat(PolicyForm.parse(k -> null, BASE).settings()).isEqualTo(BASE);
        assertThat(PolicyForm.parse(k -> null, BASE).errors()).isEmpty();
        Map<String, String> values = PolicyForm.values(BASE);
        assertThat(values.keySet()).containsExactlyElementsOf(PolicyForm.KEYS);
        assertThat(PolicyForm.parse(values::get, BASE).settings()).isEqualTo(BASE);
    }

    @Test
    void valuesAreReadTrimmedAndListsSplitIntoKeys() {
        Map<String, String> in = new HashMap<>();
        in.put("comments.hold-all", " true ");
        in.put("comments.max-depth", "3");
        in.put("comments.moderation-keys", "bridge\n casino \n\n");
        in.put("privacy.delete-spam-after-days", "7");
        PolicyForm.Parsed p = PolicyForm.parse(in::get, BASE);

        assertThat(p.errors()).isEmpty();
        assertThat(p.settings().holdAll()).isTrue();
        assertThat(p.settings().maxDepth()).isEqualTo(3);
        assertThat(p.settings().moderationKeys()).isEqualTo(List.of("bridge", "casino"));
        assertThat(p.settings().retention().deleteSpamAfterDays()).isEqualTo(7);
        assertThat(p.settings().pageSize()).isEqualTo(BASE.pageSize());
    }

    @Test
    void eachBadValueIsNamedAndTheBaseKeptForIt() {
        Map<String, String> in = Map.of("comments.max-depth", "0", "comments.page-size", "many",
                "comments.hold-all", "perhaps");
        PolicyForm.Parsed p = PolicyForm.parse(in::get, BASE);

        assertThat(p.errors()).containsOnlyKeys("comments.max-depth", "comments.page-size", "comments.hold-all");
        assertThat(p.errors()).containsEntry("comments.max-depth",
                        "comments.max-depth must be a whole number from 1 to 10, not '0'.")
                .containsEntry("comments.page-size", "comments.page-size must be a whole number from 1 to 500, not 'many'.")
                .containsEntry("comments.hold-all", "comments.hold-all must be true or false, not 'perhaps'.");
        assertThat(p.settings().maxDepth()).isEqualTo(BASE.maxDepth());
        assertThat(p.settings().pageSize()).isEqualTo(BASE.pageSize());
        assertThat(p.settings().holdAll()).isEqualTo(BASE.holdAll());
    }
}
