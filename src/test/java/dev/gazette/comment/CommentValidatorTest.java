package dev.gazette.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each field of the reply form gets a message that says what to change, and nothing else is refused. */
class CommentValidatorTest {
    private final CommentValidator validator = new CommentValidator(CommentSettings.defaults());

    private static CommentForm form(String comment, String name, String email, String website) {
        return new CommentForm(comment, name, email, website, Optional.empty(), false);
    }

    @Test
    void aGoodFormHasNoErrors() {
        assertThat(validator.errors(form("The bridge closed at noon.", "Sam", "sam@example.org", "https://sam.example")))
                .isEmpty();
        assertThat(validator.errors(form("Lines\nand\ttabs are fine.", "Zoë", "zoe@example.org", ""))).isEmpty();
    }

    @Test
    void normalizingTrimsComposesAndLowersTheEmail() {
        CommentForm n = CommentValidator.normalize(new CommentForm("  Cafe\u0301 words \n", " Sam ", " Sam@Example.ORG ",
                " https://sam.example ", Optional.of(7L), true));
        assertThat(n).isEqualTo(new CommentForm("Café words", "Sam", "sam@example.org", "https://sam.example",
                Optional.of(7L), true));
    }

    @Test
    void everyEmptyRequiredFieldIsNamed() {
        assertThat(validator.errors(form(" ", "", "", ""))).containsOnlyKeys("comment", "author", "email")
                .containsEntry("comment", "Please write a comment.")
                .containsEntry("author", "Please enter your name.")
                .containsEntry("email", "Please enter your email address. It will not be published.");
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        CommentSettings d = CommentSettings.defaults();
        String atLimit = "😀".repeat(d.maxCommentLength());
        assertThat(validator.textErrors(atLimit)).isEmpty();
        assertThat(validator.textErrors(atLimit + "x")).containsEntry("comment", "Please shorten your comment to "
                + d.maxCommentLength() + " characters; it has " + (d.maxCommentLength() + 1) + ".");
        assertThat(validator.errors(form("ok", "n".repeat(d.maxNameLength() + 1), "a@example.org", "")))
                .containsEntry("author", "Please use a name of at most " + d.maxNameLength() + " characters.");
    }

    @Test
    void controlCharactersAreRefusedWhereTheyHide() {
        assertThat(validator.textErrors("hidden\u0000text")).containsKey("comment");
        assertThat(validator.errors(form("ok", "Sam\nSmith", "a@example.org", ""))).containsEntry("author",
                "Your name contains invisible control characters; please remove them.");
    }

    @Test
    void emailsAndWebsitesMustBeUsable() {
        Map<String, String> errors = validator.errors(form("ok", "Sam", "not-an-email", "ftp://sam.example"));
        assertThat(errors).containsEntry("email", "Please enter a valid email address, like name@example.com.")
                .containsEntry("url", "Your website must start with http:// or https://.");
        assertThat(validator.errors(form("ok", "Sam", "a@example.org", "https://localhost")))
                .containsEntry("url", "Please enter a full website address, like https://example.com.");
        assertThat(validator.errors(form("ok", "Sam", "a@example.org", "https://sam.example/a b")))
                .containsEntry("url", "That website address is not valid; please check it, or leave the field empty.");
        assertThat(validator.errors(form("ok", "Sam", "a@example.org", "https://x.example/" + "a".repeat(200))))
                .containsEntry("url", "Please use a website address of at most 200 characters.");
    }
}
