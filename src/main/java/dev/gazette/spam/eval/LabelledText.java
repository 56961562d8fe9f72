package dev.gazette.spam.eval;

import dev.gazette.spam.Example;
import java.util.Objects;

/** A text with its label and the file it came from (used to leave one file out). */
public record LabelledText(String text, boolean spam, String source) {
    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    /** The shield's training example for this text (content only). */
    public Example toExample() {
        return Example.of(text, spam);
    }
}
