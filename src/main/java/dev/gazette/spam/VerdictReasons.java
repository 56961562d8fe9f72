package dev.gazette.spam;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Why a verdict fell as it did: the rules that fired with what the classifier learned of each, then the weightiest words. */
final class VerdictReasons {
    private static final double MIN_REASON_WEIGHT = 0.05;

    private final ShieldSettings settings;

    VerdictReasons(ShieldSettings settings) {
        this.settings = settings;
    }

    /**
     * Adds the rules' reasons, each with what the classifier learned about it, then the weightiest
     * words. Only the groups that can make the top {@code maxReasons} get their words built.
     */
    void addTo(List<Reason> out, ShieldModel model, FeatureVector x, float[] eff, List<RuleHit> hits) {
        int groups = x.groups.size();
        double[] byGroup = new double[groups];
        // A text feature also speaks through the stacked NB score (its NB-scaled value times that
        // score's weight): without this share a verdict decided by that score would name nothing.
        double nbWeight = model.ftrl.weight(ShieldModel.NB_SLOT);
        for (int k = 0; k < x.size; k++) {
            int g = x.group[k];
            if (g >= 0) {
                double w = model.ftrl.weight(x.index[k]) + (k >= x.textFrom && k < x.textTo ? nbWeight : 0.0);
                byGroup[g] += w * eff[k];
            }
        }
        double[] merged = mergeRepeatedGroups(x, byGroup);
        Map<String, Double> ruleLearned = new HashMap<>();
        for (int g = 0; g < groups; g++) {
            FeatureVector.Group group = x.groups.get(g);
            if (group.prefix().isEmpty() && !Double.isNaN(merged[g])) {
                ruleLearned.put(group.key(), merged[g]);
                merged[g] = Double.NaN;
            }
        }
        for (RuleHit h : hits) {
            double learned = ruleLearned.getOrDefault(h.reason().text(), 0.0);
            out.add(new Reason(h.reason().text(), h.reason().weight() + learned));
        }
        int[] candidates = new int[groups];
        int c = 0;
        for (int g = 0; g < groups; g++) {
            double w = merged[g];
            if (!Double.isNaN(w) && Math.abs(w) >= MIN_REASON_WEIGHT) {
                candidates[c++] = g;
            }
        }
        // The k-th largest |weight| among the candidates: a group below it can never be shown.
        int k = settings.maxReasons();
        double cutoff = 0;
        if (k == 0) {
            return;
        }
        if (c > k) {
            double[] mags = new double[c];
            for (int i = 0; i < c; i++) {
                mags[i] = Math.abs(merged[candidates[i]]);
            }
            Arrays.sort(mags);
            cutoff = mags[c - k];
        }
        for (int i = 0; i < c; i++) {
            int g = candidates[i];
            double w = merged[g];
            if (Math.abs(w) >= cutoff) {
                out.add(new Reason(x.label(g) + (w > 0 ? " counts toward spam" : " counts toward ham"), w));
            }
        }
    }

    /**
     * A word said twice is one reason: each group's weight is added to the first group with the
     * same key (found by slot, then confirmed word by word), which keeps first-seen order and so a
     * stable result. Later repeats become NaN.
     */
    private static double[] mergeRepeatedGroups(FeatureVector x, double[] byGroup) {
        int groups = byGroup.length;
        double[] merged = new double[groups];
        int[] table = FeatureVector.slotTable(groups); // first group with a slot, plus one; 0 is empty
        for (int g = 0; g < groups; g++) {
            int slot = x.groupSlot[g];
            int h = FeatureVector.home(slot, table.length);
            int at = -1;
            while (table[h] != 0) {
                int other = table[h] - 1;
                if (x.groupSlot[other] == slot && x.groups.get(other).sameAs(x.groups.get(g))) {
                    at = other;
                    break;
                }
                h = (h + 1) & (table.length - 1);
            }
            if (at < 0) {
                table[h] = g + 1;
                merged[g] += byGroup[g];
            } else {
                merged[at] += byGroup[g];
                merged[g] = Double.NaN;
            }
        }
        return merged;
    }
}
