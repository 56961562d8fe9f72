package dev.gazette.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gazette.comment.CommentSettings;
import dev.gazette.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fuzzes the settings page's form: every field is read or refused with a message, and what is saved reads back. */
class SettingsFormFuzzTest {
    private static final List<String> KEYS = keys();
    private static final LiveSettings LIVE = new LiveSettings(new SettingsStore(TestDatabases.sqlite()),
            CommentSettings.defaults(), "Test Gazette", "News for tests.", false, Clock.systemUTC());

    @FuzzTest
    void aFormIsSavedWhole_orRefusedFieldByField(FuzzedDataProvider data) {
        Map<String, String> form = new LinkedHashMap<>();
        int n = data.consumeInt(0, KEYS.size() + 2);
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            String key = data.consumeBoolean() ? data.pickValue(KEYS) : data.consumeString(40);
            form.put(key, asSentOverHttp(data.consumeString(300)));
        }

        PolicyForm.Parsed parsed = PolicyForm.parse(form::get, CommentSettings.defaults());
        assertThat(PolicyForm.KEYS).containsAll(parsed.errors().keySet());
        assertThat(parsed.errors().values()).allSatisfy(m -> assertThat(m).isNotBlank());
        CommentSettings read = parsed.settings();
        assertThat(PolicyForm.parse(PolicyForm.values(read)::get, CommentSettings.defaults()))
                .as("the page's own text of a policy reads back as that policy")
                .isEqualTo(new PolicyForm.Parsed(read, Map.of()));

        Map<String, String> before = LIVE.values();
        Map<String, String> errors = LIVE.save(form);
        assertThat(KEYS).containsAll(errors.keySet());
        if (errors.isEmpty()) {
            // Fields the form leaves out keep what an earlier save stored.
            assertThat(LIVE.comments()).isEqualTo(PolicyForm.parse(
                    key -> form.containsKey(key) ? form.get(key) : before.get(key), CommentSettings.defaults()).settings());
            assertThat(LIVE.siteTitle()).isEqualTo(form.getOrDefault("site.title", "").strip());
            assertThat(LIVE.save(LIVE.values())).as("what the page shows can be saved again").isEmpty();
        }
    }

    /** A browser's form sends well-formed UTF-8, so the server never sees half a surrogate pair. */
    private static String asSentOverHttp(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("site.title", "site.description", LiveSettings.GRAVATAR));
        keys.addAll(PolicyForm.KEYS);
        return List.copyOf(keys);
    }
}
