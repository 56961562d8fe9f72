package dev.gazette.spam.eval;

import java.util.List;

/**
 * A classifier the evaluation compares with the shield. Implementations are found with
 * {@link java.util.ServiceLoader}, so library baselines can live in test scope; each needs a
 * public no-argument constructor.
 */
public interface Baseline {
    /** A short name for the table. */
    String name();

    /** Trains a fresh model; must not keep state between calls. */
    Trained train(List<LabelledText> training, long seed);

    /** A trained model. */
    interface Trained {
        /** The prediction for one text. */
        Prediction predict(String text);
    }

    /** A decision and the spam probability behind it (ranked for ROC AUC, compared with the labels for calibration). */
    record Prediction(boolean spam, double score) {
    }
}
