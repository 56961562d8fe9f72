package dev.gazette.spam.eval;

import java.util.Arrays;

/**
 * Scores of a classifier on labelled texts, spam being the positive class.
 *
 * @param spamCaught recall: the share of spam caught
 * @param hamBlocked false-positive rate: the share of ham wrongly held back
 * @param brier mean squared gap between the score, read as a spam probability, and the label
 * @param calibrationError expected calibration error over ten equal-width bins of the score: how
 *     far "p = 0.8" is from "80 % of these were spam", weighted by how many scores fall in each bin
 */
public record Metrics(int n, int tp, int fp, int tn, int fn, double accuracy, double precision, double spamCaught,
        double hamBlocked, double f1, double mcc, double auc, double brier, double calibrationError) {
    private static final int BINS = 10;

    /** Computes every metric from labels, decisions and scores (spam probabilities in [0, 1]). */
    public static Metrics of(boolean[] spam, boolean[] predicted, double[] score) {
        for (int i = 0; i < score.length; i++) {
            if (!(score[i] >= 0 && score[i] <= 1)) {
                throw new IllegalArgumentException("score " + i + " is " + score[i] + ", not a probability in [0, 1]");
            }
        }
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < spam.length; i++) {
            if (spam[i]) {
                if (predicted[i]) tp++; else fn++;
            } else {
                if (predicted[i]) fp++; else tn++;
            }
        }
        int n = spam.length;
        double acc = n == 0 ? 0 : (double) (tp + tn) / n;
        double prec = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double rec = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double fpr = fp + tn == 0 ? 0 : (double) fp / (fp + tn);
        double f1 = prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
        double den = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        double mcc = den == 0 ? 0 : ((double) tp * tn - (double) fp * fn) / den;
        return new Metrics(n, tp, fp, tn, fn, acc, prec, rec, fpr, f1, mcc, auc(spam, score), brier(spam, score),
                calibrationError(spam, score));
    }

    static double brier(boolean[] spam, double[] score) {
        double sum = 0;
        for (int i = 0; i < spam.length; i++) {
            double gap = score[i] - (spam[i] ? 1 : 0);
            sum += gap * gap;
        }
        return spam.length == 0 ? 0 : sum / spam.length;
    }

    static double calibrationError(boolean[] spam, double[] score) {
        double[] sumScore = new double[BINS];
        int[] count = new int[BINS];
        int[] spamCount = new int[BINS];
        for (int i = 0; i < spam.length; i++) {
            int b = Math.min(BINS - 1, Math.max(0, (int) (score[i] * BINS)));
            sumScore[b] += score[i];
            count[b]++;
            spamCount[b] += spam[i] ? 1 : 0;
        }
        double error = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                error += Math.abs(sumScore[b] / count[b] - (double) spamCount[b] / count[b]) * count[b] / spam.length;
            }
        }
        return error;
    }

    /** ROC AUC as the Mann-Whitney statistic, ties counting one half. */
    static double auc(boolean[] spam, double[] score) {
        int n = spam.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[idx[j + 1]] == score[idx[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (spam[idx[k]]) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return 0.5;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
