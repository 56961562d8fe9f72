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
    int[] index;
    float[] value;
    int[] group;
    int size;
    /** The text features (words, pairs, triples, character grams) are [textFrom, textTo): distinct slots, unit length. */
    int textFrom;
    int textTo;
    /** The named parts features belong to; their labels are built only when shown. */
    final List<Group> groups = new ArrayList<>();
    /** Per group, the slot of its own feature: equal keys share it, so repeats are found without building keys. */
    int[] groupSlot = new int[16];

    /**
     * A named part of the submission: the words [from, to) of a list (a word, pair or triple of the
     * text, or one key such as a domain), shown after a prefix. Compare groups with {@link #sameAs}:
     * the record's own equality also compares the list and the positions.
     */
    record Group(String prefix, List<String> words, int from, int to) {
        /** The words joined by spaces. */
        String key() {
            return to - from == 1 ? words.get(from) : String.join(" ", words.subList(from, to));
        }

        boolean sameAs(Group o) {
            if (!prefix.equals(o.prefix) || to - from != o.to - o.from) {
                return false;
            }
            for (int i = 0; i < to - from; i++) {
                if (!words.get(from + i).equals(o.words.get(o.from + i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A vector with room for {@code capacity} features before it grows. */
    FeatureVector(int capacity) {
        index = new int[capacity];
        value = new float[capacity];
        group = new int[capacity];
    }

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

    /** A group for the words [from, to) of a list, whose own feature goes to slot. */
    int newGroup(String prefix, List<String> words, int from, int to, int slot) {
        if (groups.size() == groupSlot.length) {
            groupSlot = Arrays.copyOf(groupSlot, groupSlot.length * 2);
        }
        groupSlot[groups.size()] = slot;
        groups.add(new Group(prefix, words, from, to));
        return groups.size() - 1;
    }

    /** A group for one key, whose own feature goes to slot. */
    int newGroup(String prefix, String key, int slot) {
        return newGroup(prefix, List.of(key), 0, 1, slot);
    }

    static final String QUOTED = "'";

    /** 1 + ln(c) for small counts c, which most repeats are: a table lookup instead of a logarithm. */
    private static final float[] LOG_WEIGHT = new float[64];

    static {
        for (int c = 1; c < LOG_WEIGHT.length; c++) {
            LOG_WEIGHT[c] = (float) (1.0 + Math.log(c));
        }
    }

    /** The words a moderator reads for a group. */
    String label(int g) {
        Group group = groups.get(g);
        return group.prefix() == QUOTED ? "'" + group.key() + "'" : group.prefix() + group.key();
    }

    /**
     * Merges repeated slots in [from, size) into one feature whose value grows with the log of
     * the count: a word said ten times is not ten times the evidence. Keeps first-seen order.
     */
    void mergeRepeats(int from) {
        int n = size - from;
        if (n <= 1) {
            return;
        }
        int[] table = slotTable(n);
        int tmask = table.length - 1;
        int[] count = new int[n];
        int out = from;
        for (int k = from; k < size; k++) {
            int slot = index[k];
            int h = home(slot, table.length);
            while (true) {
                int at = table[h] - 1;
                if (at < 0) {
                    table[h] = out + 1;
                    index[out] = slot;
                    value[out] = value[k];
                    group[out] = group[k];
                    count[out - from] = 1;
                    out++;
                    break;
                }
                if (index[at] == slot) {
                    count[at - from]++;
                    break;
                }
                h = (h + 1) & tmask;
            }
        }
        size = out;
        for (int k = from; k < size; k++) {
            int c = count[k - from];
            if (c > 1) {
                value[k] *= c < LOG_WEIGHT.length ? LOG_WEIGHT[c] : (float) (1.0 + Math.log(c));
            }
        }
    }

    /** An empty open-addressing table (entries are positions plus one) with room for n slots at half load. */
    static int[] slotTable(int n) {
        return new int[Integer.highestOneBit(Math.max(1, n) * 2 - 1) << 1];
    }

    /** Where a slot's search starts in such a table: Fibonacci hashing, as the product's top bits mix best. */
    static int home(int slot, int tableLength) {
        return (slot * 0x9E3779B1) >>> (32 - Integer.numberOfTrailingZeros(tableLength));
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
