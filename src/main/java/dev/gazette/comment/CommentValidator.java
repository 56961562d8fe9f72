package dev.gazette.comment;

import dev.gazette.text.EmailAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a reply form field by field and says, next to each field, what to change. */
final class CommentValidator {
    static final int MAX_WEBSITE = 200;
    // Printable text only; the comment may also hold line breaks and tabs.
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}\\x{FFFE}\\x{FFFF}&&[^\\n\\r\\t]]");
    private static final Pattern CONTROL_INCL_NEWLINE = Pattern.compile("[\\p{Cc}\\p{Cs}\\x{FFFE}\\x{FFFF}]");

    private final CommentSettings settings;

    CommentValidator(CommentSettings settings) {
        this.settings = settings;
    }

    /** The form with every field NFC-normalized and trimmed, as it will be stored. */
    static CommentForm normalize(CommentForm form) {
        // Emails compare without case everywhere (history, data requests), so they are stored that way.
        return new CommentForm(nfc(form.comment()).strip(), nfc(form.name()).strip(),
                nfc(form.email()).strip().toLowerCase(Locale.ROOT), nfc(form.website()).strip(), form.replyTo(),
                form.remember(), form.followReplies());
    }

    /** Errors by field name ("comment", "author", "email", "url"); empty when the form is good. */
    Map<String, String> errors(CommentForm form) {
        Map<String, String> errors = textErrors(form.comment());

        if (form.name().isBlank()) {
            errors.put("author", "Please enter your name.");
        } else if (form.name().codePointCount(0, form.name().length()) > settings.maxNameLength()) {
            errors.put("author", "Please use a name of at most " + settings.maxNameLength() + " characters.");
        } else if (CONTROL_INCL_NEWLINE.matcher(form.name()).find()) {
            errors.put("author", "Your name contains invisible control characters; please remove them.");
        }

        if (form.email().isBlank()) {
            errors.put("email", "Please enter your email address. It will not be published.");
        } else if (!EmailAddress.isValid(form.email())) {
            errors.put("email", "Please enter a valid email address, like name@example.com.");
        }

        if (!form.website().isEmpty()) {
            String problem = websiteProblem(form.website());
            if (problem != null) errors.put("url", problem);
        }
        return errors;
    }

    /**
     * The errors of a reply's text alone (under "comment"): what an edit or a correction changes, so details kept
     * from an import that the form would refuse (no email, an intranet website) never block one.
     */
    Map<String, String> textErrors(String comment) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (comment.isBlank()) {
            errors.put("comment", "Please write a comment.");
        } else if (comment.codePointCount(0, comment.length()) > settings.maxCommentLength()) {
            errors.put("comment", "Please shorten your comment to " + settings.maxCommentLength()
                    + " characters; it has " + comment.codePointCount(0, comment.length()) + ".");
        } else if (CONTROL.matcher(comment).find()) {
            errors.put("comment", "Your comment contains invisible control characters; please remove them.");
        }
        return errors;
    }

    private static String websiteProblem(String website) {
        if (website.length() > MAX_WEBSITE) return "Please use a website address of at most " + MAX_WEBSITE + " characters.";
        try {
            URI uri = new URI(website);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "Your website must start with http:// or https://.";
            }
            if (uri.getHost() == null || !uri.getHost().contains(".")) {
                return "Please enter a full website address, like https://example.com.";
            }
            return null;
        } catch (URISyntaxException e) {
            return "That website address is not valid; please check it, or leave the field empty.";
        }
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
