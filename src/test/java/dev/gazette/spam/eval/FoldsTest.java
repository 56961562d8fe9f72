package dev.gazette.spam.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FoldsTest {
    private static List<LabelledText> rows(int spam, int ham) {
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < spam; i++) {
            out.add(new LabelledText("s" + i, true, i % 2 == 0 ? "a.csv" : "b.csv"));
        }
        for (int i = 0; i < ham; i++) {
            out.add(new LabelledText("h" + i, false, i % 3 == 0 ? "a.csv" : "c.csv"));
        }
        return out;
    }

    @Test
    void stratifiedFoldsCoverEveryRowOnceAndKeepTheSpamShare() {
        List<LabelledText> rows = rows(33, 67);
        List<Folds.Split> splits = Folds.stratified(rows, 10, 7);
        Set<Integer> tested = new HashSet<>();
        for (Folds.Split s : splits) {
            assertThat(s.train()).doesNotContainAnyElementsOf(s.test());
            assertThat(s.train().size() + s.test().size()).isEqualTo(100);
            long spam = s.test().stream().filter(i -> rows.get(i).spam()).count();
            assertThat(spam).isBetween(3L, 4L);
            tested.addAll(s.test());
        }
        assertThat(tested).hasSize(100);
        assertThat(Folds.stratified(rows, 10, 7)).isEqualTo(splits);
        assertThat(Folds.stratified(rows, 10, 8)).isNotEqualTo(splits);
    }

    @Test
    void leaveOneSourceOutTestsEachFileOnItsOwn() {
        List<LabelledText> rows = rows(10, 10);
        List<Folds.Split> splits = Folds.leaveOneSourceOut(rows);
        assertThat(splits).extracting(Folds.Split::name).containsExactly("a.csv", "b.csv", "c.csv");
        for (Folds.Split s : splits) {
            assertThat(s.test()).allMatch(i -> rows.get(i).source().equals(s.name()));
            assertThat(s.train()).noneMatch(i -> rows.get(i).source().equals(s.name()));
        }
    }
}
