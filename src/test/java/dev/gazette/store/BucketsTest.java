package dev.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BucketsTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void twoNodesDrawFromOneBucketAndNeverHandOutMoreThanItHolds() throws Exception {
        String url = TestDatabases.postgresUrl();
        try (Database dbA = Database.open(url); Database dbB = Database.open(url)) {
            Buckets a = new Buckets(dbA, FIXED);
            Buckets b = new Buckets(dbB, FIXED);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Long>> takes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Buckets node = i % 2 == 0 ? a : b;
                takes.add(pool.submit(() -> node.take("reply-address:192.0.2.1", 10, 10 / 3600.0)));
            }
            int granted = 0;
            for (Future<Long> t : takes) if (t.get() == 0) granted++;
            pool.shutdown();
            assertThat(granted).as("a burst of 10, whichever node each request reached").isEqualTo(10);
            assertThat(b.take("reply-address:192.0.2.1", 10, 10 / 3600.0)).as("seconds until one token is back")
                    .isEqualTo(360);
            assertThat(a.take("reply-address:198.51.100.1", 10, 10 / 3600.0)).as("another key, another bucket").isZero();
        }
    }

    @Test
    void aBucketRefillsAtItsRateUpToItsBurst() throws Exception {
        try (Database db = TestDatabases.postgres()) {
            Instant[] now = {Instant.parse("2026-12-02T10:00:00Z")};
            Clock clock = new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now[0];
                }
            };
            Buckets buckets = new Buckets(db, clock);
            assertThat(buckets.take("k", 2, 1)).isZero();
            assertThat(buckets.take("k", 2, 1)).isZero();
            assertThat(buckets.take("k", 2, 1)).isEqualTo(1);
            now[0] = now[0].plusMillis(1500);
            assertThat(buckets.take("k", 2, 1)).as("one and a half tokens back").isZero();
            assertThat(buckets.take("k", 2, 1)).isEqualTo(1);
            now[0] = now[0].plusSeconds(3600);
            assertThat(buckets.take("k", 2, 1)).isZero();
            assertThat(buckets.take("k", 2, 1)).isZero();
            assertThat(buckets.take("k", 2, 1)).as("never more than the burst saved up").isEqualTo(1);
            assertThat(buckets.forget(java.time.Duration.ofMinutes(1))).isZero();
            now[0] = now[0].plusSeconds(120);
            assertThat(buckets.forget(java.time.Duration.ofMinutes(1))).isEqualTo(1);
        }
    }
}
