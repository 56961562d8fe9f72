package dev.gazette.spam;

import java.util.List;

/** Reads a submission the way every part of the shield does: its analysis and the weighted rules it trips. */
final class Screener {
    private final Analyzer analyzer = new Analyzer();
    private final WeightedRules rules;

    Screener(ShieldSettings settings) {
        this.rules = new WeightedRules(settings);
    }

    Analysis analyze(Submission s) {
        return analyzer.analyze(s);
    }

    List<RuleHit> hits(Submission s, Analysis a) {
        return rules.apply(s, a);
    }

    /** The features a lesson teaches, with the rules' summed weight the classifier adds to its margin. */
    Lesson lesson(Submission s, FeatureExtractor features) {
        Analysis a = analyze(s);
        List<RuleHit> hits = hits(s, a);
        return new Lesson(features.extract(s, a, hits, false), offset(hits));
    }

    static double offset(List<RuleHit> hits) {
        double sum = 0;
        for (RuleHit h : hits) {
            sum += h.reason().weight();
        }
        return sum;
    }

    /** One submission as the classifier learns it. */
    record Lesson(FeatureVector x, double offset) {}
}
