package dev.gazette.spam.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/** Train/test splits: stratified k-fold, and leave one source file out. */
public final class Folds {
    private Folds() {
    }

    /** One split: indices into the row list. */
    public record Split(String name, List<Integer> train, List<Integer> test) {
    }

    /** k folds, each with the same share of spam as the whole (give or take one), shuffled by {@code seed}. */
    public static List<Split> stratified(List<LabelledText> rows, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + k);
        }
        List<Integer> spam = new ArrayList<>();
        List<Integer> ham = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (rows.get(i).spam() ? spam : ham).add(i);
        }
        Random rnd = new Random(seed);
        Collections.shuffle(spam, rnd);
        Collections.shuffle(ham, rnd);
        List<List<Integer>> tests = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            tests.add(new ArrayList<>());
        }
        int f = 0;
        for (int i : spam) {
            tests.get(f++ % k).add(i);
        }
        for (int i : ham) {
            tests.get(f++ % k).add(i);
        }
        List<Split> out = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            out.add(split("fold " + (fold + 1), rows.size(), tests.get(fold)));
        }
        return out;
    }

    /** One split per source file: train on all the others, test on it. */
    public static List<Split> leaveOneSourceOut(List<LabelledText> rows) {
        TreeMap<String, List<Integer>> bySource = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            bySource.computeIfAbsent(rows.get(i).source(), s -> new ArrayList<>()).add(i);
        }
        List<Split> out = new ArrayList<>();
        for (var e : bySource.entrySet()) {
            out.add(split(e.getKey(), rows.size(), e.getValue()));
        }
        return out;
    }

    private static Split split(String name, int n, List<Integer> test) {
        boolean[] isTest = new boolean[n];
        for (int i : test) {
            isTest[i] = true;
        }
        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!isTest[i]) {
                train.add(i);
            }
        }
        List<Integer> sortedTest = new ArrayList<>(test);
        Collections.sort(sortedTest);
        return new Split(name, List.copyOf(train), List.copyOf(sortedTest));
    }
}
