package dev.gazette.spam.eval.baselines;

import dev.gazette.spam.eval.Baseline;
import dev.gazette.spam.eval.LabelledText;
import java.util.List;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Oracle Tribuo's logistic regression (SGD with AdaGrad) over words and word pairs. */
public final class TribuoBaseline implements Baseline {
    private static final LabelFactory LABELS = new LabelFactory();

    @Override
    public String name() {
        return "Tribuo logistic (AdaGrad)";
    }

    @Override
    public Trained train(List<LabelledText> training, long seed) {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        BaselineText text = new BaselineText();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("gazette eval", LABELS), LABELS);
        for (LabelledText t : training) {
            data.add(example(text.tokens(t.text()), new Label(t.spam() ? "spam" : "ham")));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 10, Integer.MAX_VALUE, 1, seed);
        Model<Label> model = trainer.train(data);
        return t -> {
            var p = model.predict(example(text.tokens(t), LABELS.getUnknownOutput()));
            double spam = p.getOutputScores().containsKey("spam") ? p.getOutputScores().get("spam").getScore() : 0.0;
            return new Prediction(p.getOutput().getLabel().equals("spam"), spam);
        };
    }

    private static Example<Label> example(List<String> tokens, Label label) {
        TreeMap<String, Double> f = new TreeMap<>();
        f.put("bias", 1.0); // Tribuo refuses an example none of whose features it saw in training
        for (int i = 0; i < tokens.size(); i++) {
            f.put("w=" + tokens.get(i), 1.0);
            if (i > 0) {
                f.put("b=" + tokens.get(i - 1) + " " + tokens.get(i), 1.0);
            }
        }
        return new ArrayExample<>(label, f.keySet().toArray(String[]::new), f.values().stream().mapToDouble(Double::doubleValue).toArray());
    }
}
