package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gazette.web.SafeHtml;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fuzzes the reply form: validation, normalisation, and the Markdown subset a reply is shown in. */
class ReplyFormFuzzTest {
    private static final Set<String> FIELDS = Set.of("comment", "author", "email", "url");
    private final CommentValidator validator = new CommentValidator(CommentSettings.defaults());
    private final CommentText text = new CommentText();

    @FuzzTest
    void aReplyIsCheckedNormalisedAndRenderedSafely(FuzzedDataProvider data) {
        String name = data.consumeString(200);
        String email = data.consumeString(200);
        String website = data.consumeString(300);
        boolean remember = data.consumeBoolean();
        String comment = data.consumeRemainingAsString();
        CommentForm form = new CommentForm(comment, name, email, website, Optional.empty(), remember);

        CommentForm normal = CommentValidator.normalize(form);
        assertThat(CommentValidator.normalize(normal)).as("normalising twice changes nothing").isEqualTo(normal);

        Map<String, String> errors = validator.errors(normal);
        assertThat(FIELDS).as("errors name form fields").containsAll(errors.keySet());
        assertThat(errors.values()).allSatisfy(message -> assertThat(message).isNotBlank());
        assertThat(validator.errors(form).keySet()).as("the raw form is checkable too").isSubsetOf(FIELDS);

        String html = text.render(normal.comment());
        SafeHtml.check(html, normal.comment());
        assertThat(html).doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<h1");
        assertThat(CommentText.links(normal.comment())).isNotNegative();
    }
}
