package dev.gazette.store;

import static dev.gazette.store.JobsTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NoticesTest {
    @Test
    void aNoticeReachesTheOtherNodeOnlyWhenItsTransactionCommits() throws Exception {
        String url = TestDatabases.postgresUrl();
        List<String> heardByB = new CopyOnWriteArrayList<>();
        List<String> heardByA = new CopyOnWriteArrayList<>();
        try (Database dbA = Database.open(url); Database dbB = Database.open(url);
             Notices a = new Notices(dbA); Notices b = new Notices(dbB)) {
            a.subscribe("gazette_test", heardByA::add, () -> {});
            b.subscribe("gazette_test", heardByB::add, () -> {});
            a.start();
            b.start();
            await(() -> a.live() && b.live());
            try {
                dbA.writes().useTransaction(h -> {
                    a.publish(h, "gazette_test", "rolled-back");
                    throw new IllegalStateException("the change failed");
                });
            } catch (IllegalStateException expected) {
                // nothing committed, so nothing told
            }
            dbA.writes().useTransaction(h -> a.publish(h, "gazette_test", "article-7 home"));
            await(() -> !heardByB.isEmpty());
            Thread.sleep(200);
            assertThat(heardByB).containsExactly("article-7 home");
            assertThat(heardByA).as("a node does not hear itself: it already applied the change").isEmpty();
        }
    }

    @Test
    void aLostListeningConnectionComesBackByItselfAndCatchesUp() throws Exception {
        String url = TestDatabases.postgresUrl();
        List<String> heard = new CopyOnWriteArrayList<>();
        AtomicInteger resyncs = new AtomicInteger();
        try (Database dbA = Database.open(url); Database dbB = Database.open(url);
             Notices a = new Notices(dbA); Notices b = new Notices(dbB)) {
            b.subscribe("gazette_test", heard::add, resyncs::incrementAndGet);
            b.start();
            await(b::live);
            // The server ends every listening session, as a restart or a dropped network would.
            dbA.writes().useHandle(h -> h.createQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE query LIKE 'LISTEN%' OR query = 'SELECT 1' AND pid <> pg_backend_pid()").mapTo(Boolean.class).list());
            await(() -> resyncs.get() > 0);
            assertThat(b.live()).isTrue();
            a.publish("gazette_test", "after");
            await(() -> heard.contains("after"));
        }
    }

    @Test
    void onSqliteThereIsNobodyToTellAndChangesCountAsHeard() {
        try (Database db = TestDatabases.sqlite(); Notices notices = new Notices(db)) {
            notices.subscribe("gazette_test", payload -> {}, () -> {});
            notices.start();
            notices.publish("gazette_test", "anything");
            assertThat(notices.live()).isTrue();
        }
    }
}
