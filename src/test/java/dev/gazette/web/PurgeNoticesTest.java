package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The purges of a window go to the other nodes as one notice, after the changes that made them. */
class PurgeNoticesTest {
    private static final Duration LONG = Duration.ofHours(1); // nothing goes before close() sends it
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 30 s");
            Thread.sleep(5);
        }
    }

    @Test
    void thePurgesOfOneWindowGoAsOneNoticeWithEveryKeyOnce() {
        PurgeNotices notices = new PurgeNotices(sent::add, LONG, 7000);
        for (int i = 0; i < 50; i++) notices.accept(SurrogateKeys.of("article-7", "replies"));
        notices.accept(SurrogateKeys.of("article-9", "replies"));
        assertThat(sent).as("nothing before its window ends").isEmpty();

        notices.close();

        assertThat(sent).containsExactly("article-7 replies article-9");
    }

    @Test
    void aPurgeOfEverythingGoesAloneAsTheOtherKeysAreInIt() {
        PurgeNotices notices = new PurgeNotices(sent::add, LONG, 7000);
        notices.accept(SurrogateKeys.of("article-7"));
        notices.accept(SurrogateKeys.everything());
        notices.accept(SurrogateKeys.of("home"));
        notices.close();

        assertThat(sent).containsExactly(SurrogateKeys.SITE);
    }

    @Test
    void keysBeyondOneNoticesSizeGoInSeveralNoticesNotAsEverything() {
        PurgeNotices notices = new PurgeNotices(sent::add, LONG, 100);
        List<String> keys = IntStream.range(0, 60).mapToObj(i -> "article-" + i).toList();
        for (String key : keys) notices.accept(SurrogateKeys.of(key));
        notices.close();

        assertThat(sent).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(100));
        assertThat(sent.stream().flatMap(p -> Arrays.stream(p.split(" "))).toList()).isEqualTo(keys);
    }

    @Test
    void eachWindowSendsItsOwnNoticeAndAFailedSendDoesNotStopTheNext() throws Exception {
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        List<String> tried = new CopyOnWriteArrayList<>();
        PurgeNotices notices = new PurgeNotices(payload -> {
            tried.add(payload);
            if (databaseDown.get()) throw new IllegalStateException("the database is down");
            sent.add(payload);
        }, Duration.ofMillis(1), 7000);

        notices.accept(SurrogateKeys.of("article-1"));
        await(() -> !tried.isEmpty());
        databaseDown.set(false);
        notices.accept(SurrogateKeys.of("article-2"));
        await(() -> !sent.isEmpty());
        notices.close();

        assertThat(tried).containsExactly("article-1", "article-2");
        assertThat(sent).containsExactly("article-2");
    }

    @Test
    void nothingChangedNothingSent() {
        new PurgeNotices(sent::add, Duration.ofMillis(1), 7000).close();

        assertThat(sent).isEmpty();
    }
}
