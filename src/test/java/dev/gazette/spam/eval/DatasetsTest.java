package dev.gazette.spam.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir
    Path dir;

    @Test
    void readsCsvFoldersByHeaderUsingContentAndClassOnly() throws IOException {
        Files.writeString(dir.resolve("b.csv"), "COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\n"
                + "x1,Ann,2014-01-01,\"Hello, \"\"world\"\"\",0\n"
                + "x2,Bob,,\"two\nlines\uFEFF\",1\n");
        Files.writeString(dir.resolve("a.csv"), "COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\ny,C,,buy now,1\n");
        List<LabelledText> rows = Datasets.load(dir);
        assertThat(rows).containsExactly(
                new LabelledText("buy now", true, "a.csv"),
                new LabelledText("Hello, \"world\"", false, "b.csv"),
                new LabelledText("two\nlines\uFEFF", true, "b.csv"));
    }

    @Test
    void readsTsvWithSpamHamLabels() throws IOException {
        Path f = dir.resolve("sms.tsv");
        Files.writeString(f, "# comment\nham\tsee you at 5\nspam\tWIN a prize\ttoday\n\n");
        assertThat(Datasets.load(f)).containsExactly(new LabelledText("see you at 5", false, "sms.tsv"),
                new LabelledText("WIN a prize\ttoday", true, "sms.tsv"));
    }

    @Test
    void rejectsUnknownLabelsWithTheLine() throws IOException {
        Path f = dir.resolve("bad.tsv");
        Files.writeString(f, "ham\tok\nmaybe\thmm\n");
        assertThatThrownBy(() -> Datasets.load(f)).hasMessageContaining("line 2").hasMessageContaining("maybe");
    }

    @Test
    void dedupeIgnoresByteOrderMarksAndSurroundingSpace() {
        List<LabelledText> rows = List.of(new LabelledText("\uFEFFsame ", true, "a"), new LabelledText("same", true, "b"),
                new LabelledText("other", false, "a"));
        assertThat(Datasets.dedupe(rows)).extracting(LabelledText::source).containsExactly("a", "a");
    }

    @Test
    void aSpamShareThinsTheLargerClassOnlyAndKeepsOrder() {
        List<LabelledText> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(new LabelledText("text " + i, i % 2 == 0, "f"));
        }
        List<LabelledText> fewSpam = Datasets.withSpamShare(rows, 0.2, 7);
        assertThat(fewSpam.stream().filter(LabelledText::spam).count()).isEqualTo(13); // 50 ham: 0.2 * 50 / 0.8 = 12.5
        assertThat(fewSpam.stream().filter(t -> !t.spam()).count()).isEqualTo(50);
        assertThat(fewSpam).isSubsetOf(rows).isSortedAccordingTo(java.util.Comparator.comparingInt(rows::indexOf));
        List<LabelledText> mostlySpam = Datasets.withSpamShare(rows, 0.9, 7);
        assertThat(mostlySpam.stream().filter(t -> !t.spam()).count()).isEqualTo(6); // 50 spam: 0.1 * 50 / 0.9 = 5.6
        assertThat(Datasets.withSpamShare(rows, 0.2, 7)).isEqualTo(fewSpam);
        assertThatThrownBy(() -> Datasets.withSpamShare(rows, 1.0, 7)).hasMessageContaining("between 0 and 1");
    }
}
