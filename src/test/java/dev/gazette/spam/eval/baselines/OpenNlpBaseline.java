package dev.gazette.spam.eval.baselines;

import dev.gazette.spam.eval.Baseline;
import dev.gazette.spam.eval.LabelledText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.TrainingParameters;

/** Apache OpenNLP's document categorizer (maximum entropy over words and word pairs). */
public final class OpenNlpBaseline implements Baseline {
    @Override
    public String name() {
        return "OpenNLP doccat (maxent)";
    }

    @Override
    public Trained train(List<LabelledText> training, long seed) {
        BaselineText text = new BaselineText();
        List<DocumentSample> samples = training.stream()
                .map(t -> new DocumentSample(t.spam() ? "spam" : "ham", text.tokens(t.text()).toArray(String[]::new)))
                .toList();
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.ITERATIONS_PARAM, 100);
        params.put("PrintMessages", false);
        try {
            DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
            DoccatModel model = DocumentCategorizerME.train("en", new CollectionObjectStream<>(samples), params, factory);
            DocumentCategorizerME cat = new DocumentCategorizerME(model);
            int spamIndex = cat.getIndex("spam");
            return t -> {
                double[] p = cat.categorize(text.tokens(t).toArray(String[]::new));
                return new Prediction(p[spamIndex] >= 0.5, p[spamIndex]);
            };
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("OpenNLP rejected its own feature generators", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
