package dev.gazette.akismet;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.gazette.spam.Fingerprint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each API key's own layer over the site's shield. A key's spam and ham reports are outsiders' lessons: they must
 * never steer the site's own moderation, so they teach no shared model. Each report is remembered as a fingerprint
 * of the reported text with its label, and that key's later checks of the same text, or of a near copy, get the
 * key's label back. Other keys, and the site, never see them.
 */
final class KeyLessons {
    /** Reports kept per key, the most recent: a bound on the table and on a check's lookup. */
    static final int MAX_PER_KEY = 1_000;

    private final AkismetStore store;
    // Every check of a key reads its lessons; from memory, refreshed in the background so that lessons taught on
    // another node arrive within seconds, and dropped when a key goes unused. A key without lessons costs one lookup.
    private final LoadingCache<Long, Table> byKey;

    KeyLessons(AkismetStore store) {
        this.store = store;
        this.byKey = Caffeine.newBuilder()
                .maximumWeight(2_000_000)
                .weigher((Long key, Table t) -> t.size() + 1)
                .refreshAfterWrite(Duration.ofSeconds(10))
                .expireAfterAccess(Duration.ofMinutes(10))
                .build(key -> new Table(store.lessons(key)));
    }

    /** Remembers a key's report on a text; a text with no words teaches nothing. */
    void teach(long keyId, String text, boolean spam) {
        if (text.isBlank()) {
            return;
        }
        store.teach(keyId, Fingerprint.of(text), spam, MAX_PER_KEY);
        byKey.invalidate(keyId); // this node's next check sees it at once
    }

    /** What the key reported about this text or a near copy of it (true: spam), if anything. */
    Optional<Boolean> taught(long keyId, String text) {
        Table table = byKey.get(keyId);
        if (table.size() == 0 || text.isBlank()) {
            return Optional.empty(); // the usual case: no fingerprint to compute
        }
        return table.label(Fingerprint.of(text));
    }

    /** One report as stored: the text's fingerprint and the label the key gave it. */
    record Lesson(Fingerprint text, boolean spam) {}

    /**
     * A key's lessons, indexed for a check: exact hashes in a map, and each sketch hash pointing to the lessons
     * that hold it, so a near copy is found by counting shared hashes rather than by comparing every lesson.
     */
    static final class Table {
        private final List<Lesson> lessons; // most recent first
        private final Map<Long, Boolean> exact = new HashMap<>();
        private final Map<Integer, int[]> bySketchHash = new HashMap<>();
        private final int[] sketchSizes;

        Table(List<Lesson> lessons) {
            this.lessons = List.copyOf(lessons);
            this.sketchSizes = new int[lessons.size()];
            Map<Integer, List<Integer>> holders = new HashMap<>();
            for (int i = 0; i < this.lessons.size(); i++) {
                Lesson l = this.lessons.get(i);
                exact.putIfAbsent(l.text().exact(), l.spam());
                int[] sketch = l.text().sketch();
                sketchSizes[i] = sketch.length;
                for (int h : sketch) {
                    holders.computeIfAbsent(h, k -> new ArrayList<>()).add(i);
                }
            }
            holders.forEach((h, at) -> bySketchHash.put(h, at.stream().mapToInt(Integer::intValue).toArray()));
        }

        int size() {
            return lessons.size();
        }

        /** The label of the same text, else of the nearest near copy (the most recent among equals). */
        Optional<Boolean> label(Fingerprint text) {
            Boolean same = exact.get(text.exact());
            if (same != null) {
                return Optional.of(same);
            }
            int[] sketch = text.sketch();
            int[] shared = new int[lessons.size()];
            for (int h : sketch) {
                int[] holders = bySketchHash.get(h);
                if (holders != null) {
                    for (int i : holders) {
                        shared[i]++;
                    }
                }
            }
            int best = -1;
            double bestResemblance = 0;
            for (int i = 0; i < shared.length; i++) {
                if (shared[i] > 0 && Fingerprint.isNear(shared[i], sketch.length, sketchSizes[i])) {
                    double r = Fingerprint.resemblance(shared[i], sketch.length, sketchSizes[i]);
                    if (r > bestResemblance) { // strictly greater: the most recent wins a tie
                        best = i;
                        bestResemblance = r;
                    }
                }
            }
            return best < 0 ? Optional.empty() : Optional.of(lessons.get(best).spam());
        }
    }
}
