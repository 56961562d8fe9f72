package dev.gazette.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains a model from a labelled collection in several shuffled passes, which an online stream cannot afford but a
 * batch can. The caller holds the model's write lock and saves the snapshot.
 */
final class BatchTrainer {
    private final Screener screener;

    BatchTrainer(Screener screener) {
        this.screener = screener;
    }

    /** A counting pass for the Naive Bayes counts, then the learner's epochs in a seeded shuffled order. */
    void train(ShieldModel model, FeatureExtractor features, List<Example> list) {
        List<FeatureVector> xs = new ArrayList<>(list.size());
        double[] offsets = new double[list.size()];
        for (int i = 0; i < list.size(); i++) {
            Submission s = list.get(i).submission();
            Analysis a = screener.analyze(s);
            xs.add(null);
            offsets[i] = Screener.offset(screener.hits(s, a));
        }
        LearnerSettings l = model.learner;
        Integer[] order = new Integer[list.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random rnd = new Random(l.seed());
        // Counting pass: Naive Bayes counts and class totals, in the given order (no shuffling needed).
        for (int i = 0; i < order.length; i++) {
            model.count(seedFeatures(features, list, xs, i), list.get(i).spam());
        }
        for (int epoch = 0; epoch < l.seedEpochs(); epoch++) {
            shuffle(order, rnd);
            for (int i : order) {
                model.train(seedFeatures(features, list, xs, i), offsets[i], list.get(i).spam());
            }
        }
    }

    private FeatureVector seedFeatures(FeatureExtractor features, List<Example> list, List<FeatureVector> xs, int i) {
        FeatureVector x = xs.get(i);
        if (x == null) {
            x = screener.lesson(list.get(i).submission(), features).x();
            if (list.size() <= 50_000) {
                xs.set(i, x); // bounded memory: only small collections keep features between passes
            }
        }
        return x;
    }

    private static void shuffle(Integer[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Integer t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
