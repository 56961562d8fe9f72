package dev.gazette.spam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hashed sparse features of one submission, in a deterministic order. Optionally each feature
 * belongs to a named group (a word, a phrase, a link domain) so the classifier can say which
 * parts of the text weighed most.
 */
final class FeatureVector {
    int[] index = new int[256];
    float[] value = new float[256];
    int[] group = new int[256];
    int size;
    final List<String> groupLabels = new ArrayList<>();

    void add(int slot, float v, int g) {
        if (size == index.length) {
            int cap = size * 2;
            index = Arrays.copyOf(index, cap);
            value = Arrays.copyOf(value, cap);
            group = Arrays.copyOf(group, cap);
        }
        index[size] = slot;
        value[size] = v;
        group[size] = g;
        size++;
    }

    int newGroup(String label) {
        groupLabels.add(label);
        return groupLabels.size() - 1;
    }

    /** Scales features [from, to) to unit length, so long texts do not shout louder than short ones. */
    void normalize(int from, int to) {
        double sq = 0;
        for (int i = from; i < to; i++) {
            sq += (double) value[i] * value[i];
        }
        if (sq > 0) {
            float inv = (float) (1.0 / Math.sqrt(sq));
            for (int i = from; i < to; i++) {
                value[i] *= inv;
            }
        }
    }
}
