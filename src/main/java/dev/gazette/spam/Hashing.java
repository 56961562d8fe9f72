package dev.gazette.spam;

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
        int h = seed;
        for (int i = 0; i < s.length(); i++) {
            h = step(h, s.charAt(i));
        }
        return finish(h, s.length());
    }

    static int hash(int seed, CharSequence a, CharSequence b) {
        int h = seed;
        for (int i = 0; i < a.length(); i++) {
            h = step(h, a.charAt(i));
        }
        h = step(h, ' ');
        for (int i = 0; i < b.length(); i++) {
            h = step(h, b.charAt(i));
        }
        return finish(h, a.length() + b.length() + 1);
    }
}
