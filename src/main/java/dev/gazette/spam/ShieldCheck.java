package dev.gazette.spam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Screens a submission in three layers (certain signals, weighted rules, the classifier) into a verdict with reasons. */
final class ShieldCheck {
    private final ShieldSettings settings;
    private final Screener screener;
    private final CertainRules certain;
    private final ModelSync sync;
    private final VerdictReasons explain;

    ShieldCheck(ShieldSettings settings, Screener screener, ModelSync sync) {
        this.settings = settings;
        this.screener = screener;
        this.certain = new CertainRules(settings);
        this.sync = sync;
        this.explain = new VerdictReasons(settings);
    }

    Verdict check(Submission submission) {
        Objects.requireNonNull(submission, "submission");
        Analysis a = screener.analyze(submission);
        Optional<Reason> sure = certain.check(submission, a);
        if (sure.isPresent()) {
            return new Verdict(Decision.DISCARD, 1.0, false, List.of(sure.get()));
        }
        List<RuleHit> hits = screener.hits(submission, a);
        double offset = Screener.offset(hits);
        List<Reason> reasons = new ArrayList<>();
        Scored scored = sync.read((model, features) -> {
            if (settings.abstains(model)) {
                for (RuleHit h : hits) {
                    reasons.add(h.reason());
                }
                return new Scored(settings.priorLogOdds() + offset, false, model.spamSeen, model.hamSeen);
            }
            FeatureVector x = features.extract(submission, a, hits, true);
            float[] eff = model.effective(x);
            double logit = model.margin(x, eff, offset);
            explain.addTo(reasons, model, x, eff, hits);
            return new Scored(logit, true, model.spamSeen, model.hamSeen);
        });
        double p = Probability.sigmoid(scored.logit());
        boolean active = scored.active();
        Decision d = active && p >= settings.discardThreshold() ? Decision.DISCARD
                : p >= settings.spamThreshold() ? Decision.SPAM : Decision.HAM;
        reasons.sort(Comparator.comparingDouble((Reason r) -> -Math.abs(r.weight())).thenComparing(Reason::text));
        List<Reason> top = new ArrayList<>(reasons.subList(0, Math.min(settings.maxReasons(), reasons.size())));
        if (!active && top.size() < Math.max(1, settings.maxReasons())) {
            top.add(new Reason("the classifier is still learning (" + scored.spamSeen() + " spam, " + scored.hamSeen()
                    + " ham so far), so only the rules decide", 0.0));
        }
        return new Verdict(d, p, active, top);
    }

    /** What the model said, read under the lock: the margin, whether it spoke, and how much it had seen. */
    private record Scored(double logit, boolean active, long spamSeen, long hamSeen) {}
}
