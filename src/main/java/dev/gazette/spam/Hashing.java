package dev.gazette.spam;

import java.util.List;

/**
 * A fixed 32-bit hash (MurmurHash3's mixing) for feature names. Fixed on purpose: a saved model
 * must map the same text to the same slot on every JVM, forever.
 */
final class Hashing {
    private Hashing() {
    }

    static int mixK(int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        return k * 0x1b873593;
    }

    static int step(int h, int c) {
        h ^= mixK(c);
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    static int finish(int h, int length) {
        h ^= length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    static int hash(int seed, CharSequence s) {
        return finish(steps(seed, s), s.length());
    }

    /** The hash of words [from, to) joined by spaces ("like this comment"), without building that string. */
    static int hash(int seed, List<String> words, int from, int to) {
        int h = steps(seed, words.get(from));
        int length = words.get(from).length();
        for (int i = from + 1; i < to; i++) {
            h = steps(step(h, ' '), words.get(i));
            length += 1 + words.get(i).length();
        }
        return finish(h, length);
    }

    private static int steps(int h, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            h = step(h, s.charAt(i));
        }
        return h;
    }
}
