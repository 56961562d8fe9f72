package dev.gazette.media;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What is said about a picture, as typed: its alt text (required), its caption and its credit. */
public record MediaText(String alt, String caption, String credit) {
    // Pages print "Photo: " before a credit; editors and WordPress captions often type that label themselves.
    private static final Pattern CREDIT_LABEL = Pattern.compile(
            "^(?i:(?:photo(?:graph)?|picture|image)(?:\\s+credit)?|credit)\\s*:\\s*");

    public MediaText {
        alt = clean(alt);
        caption = clean(caption);
        credit = clean(credit);
    }

    /** What is wrong, by field, in the order of the form; empty when it can be saved. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (alt.isBlank()) {
            errors.put("alt", "Describe the picture in a few words (alt text) for readers who cannot see it, such as"
                    + " “Firefighters on a flooded street”.");
        } else if (alt.length() > 300) {
            errors.put("alt", "Keep the alt text under 300 characters; put the rest in the caption.");
        }
        if (caption.length() > 1000) errors.put("caption", "Keep the caption under 1,000 characters.");
        if (credit.length() > 200) errors.put("credit", "Keep the credit under 200 characters.");
        return errors;
    }

    /** A credit as pages show it after their own "Photo: ": without a label the editor typed, such as "Photo:". */
    public static String creditName(String credit) {
        return CREDIT_LABEL.matcher(credit).replaceFirst("");
    }

    // One line each: a newline in a caption or credit has nowhere to go on the page.
    private static String clean(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
