package dev.gazette.spam;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A text in a few bytes, without the text: a 64-bit hash of the whole normalised text, for exact repeats,
 * and a bottom-k sketch (the {@value #SKETCH} smallest hashes of its words and word pairs), for near copies
 * such as a swapped link or word. Lets a caller remember texts it was told about without keeping them.
 * Immutable.
 */
public final class Fingerprint {
    /** A text is fingerprinted by its beginning: enough to recognise it, bounded cost. */
    public static final int MAX_CHARS = 8_000;
    /** How many feature hashes a sketch keeps; for a short reply that is all of them, so the overlap is exact. */
    public static final int SKETCH = 24;
    /** Texts with fewer features are matched only exactly: a few words say too little to call two texts alike. */
    static final int MIN_FEATURES = 6;
    /** Shared features over the larger sketch from which two texts count as near copies. */
    static final double NEAR = 0.5;

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final int SEED_HIGH = 0x5eed_f1a9;
    private static final int SEED_LOW = 0x0b5e_55ed;

    private final long exact;
    private final int[] sketch;

    private Fingerprint(long exact, int[] sketch) {
        this.exact = exact;
        this.sketch = sketch;
    }

    /** The fingerprint of a text (HTML allowed), judged on its first {@value #MAX_CHARS} characters. */
    public static Fingerprint of(String text) {
        String raw = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String lower = NORMALIZER.normalize(raw).lower();
        StringBuilder words = new StringBuilder(lower.length());
        // Words (runs of letters or digits) and each pair of neighbouring words.
        int[] features = new int[16];
        int n = 0;
        int previous = 0;
        boolean hasPrevious = false;
        for (int i = 0; i < lower.length(); ) {
            if (!Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            int word = Hashing.hash(SEED_LOW, lower.subSequence(start, i));
            words.append(words.isEmpty() ? "" : " ").append(lower, start, i);
            if (n + 2 > features.length) {
                features = Arrays.copyOf(features, features.length * 2);
            }
            features[n++] = word;
            if (hasPrevious) {
                features[n++] = Hashing.finish(Hashing.step(Hashing.step(SEED_HIGH, previous), word), 2);
            }
            previous = word;
            hasPrevious = true;
        }
        // Punctuation aside, as long as there are words: a text of symbols alone is its own exact self.
        String whole = words.isEmpty() ? lower : words.toString();
        long exact = ((long) Hashing.hash(SEED_HIGH, whole) << 32) | (Hashing.hash(SEED_LOW, whole) & 0xFFFF_FFFFL);
        Arrays.sort(features, 0, n);
        int[] sketch = new int[Math.min(n, SKETCH)];
        int kept = 0;
        for (int i = 0; i < n && kept < SKETCH; i++) {
            if (kept == 0 || features[i] != sketch[kept - 1]) {
                sketch[kept++] = features[i];
            }
        }
        return new Fingerprint(exact, kept == sketch.length ? sketch : Arrays.copyOf(sketch, kept));
    }

    /** A fingerprint as {@link #toBytes} wrote it. */
    public static Fingerprint fromBytes(long exact, byte[] sketch) {
        if (sketch.length % Integer.BYTES != 0 || sketch.length > SKETCH * Integer.BYTES) {
            throw new IllegalArgumentException("not a fingerprint sketch: " + sketch.length + " bytes");
        }
        int[] values = new int[sketch.length / Integer.BYTES];
        ByteBuffer.wrap(sketch).asIntBuffer().get(values);
        return new Fingerprint(exact, values);
    }

    /** The hash of the whole normalised text: equal for texts that differ only in case, spacing, punctuation or markup. */
    public long exact() {
        return exact;
    }

    /** The sketch's hashes, ascending. */
    public int[] sketch() {
        return sketch.clone();
    }

    /** The sketch as bytes, for storing beside {@link #exact()}. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(sketch.length * Integer.BYTES);
        buffer.asIntBuffer().put(sketch);
        return buffer.array();
    }

    /** Whether the other is the same text, or a near copy: both long enough to tell, and half their sketch shared. */
    public boolean near(Fingerprint other) {
        return other.exact == exact || isNear(shared(sketch, other.sketch), sketch.length, other.sketch.length);
    }

    /**
     * The rule of {@link #near}, for a caller that counted the shared hashes itself (through an index, say):
     * how alike two texts are from 0 to 1, or 0 when either is too short to tell.
     */
    public static double resemblance(int shared, int sketchA, int sketchB) {
        if (Math.min(sketchA, sketchB) < MIN_FEATURES) {
            return 0;
        }
        return (double) shared / Math.max(sketchA, sketchB);
    }

    /** Whether a {@link #resemblance} makes two texts near copies. */
    public static boolean isNear(int shared, int sketchA, int sketchB) {
        return resemblance(shared, sketchA, sketchB) >= NEAR;
    }

    private static int shared(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int count = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                count++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && f.exact == exact && Arrays.equals(f.sketch, sketch);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(exact);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + Long.toHexString(exact) + ", " + sketch.length + " hashes]";
    }
}
