package dev.gazette.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.store.Database;
import dev.gazette.store.Dialect;
import dev.gazette.store.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each index of the outbox is written with every mail queued and every mail sent, inside the transaction of what caused
 * the mail: it must serve a query. The privacy export and erase look an address up by {@code lower(recipient)}.
 */
class OutboxIndexTest {

    @Test
    void noIndexOnTheRecipientWhichNoQueryCanUse() {
        try (Database db = TestDatabases.of(Dialect.SQLITE)) {
            List<String> plan = db.reads().withHandle(h -> h.createQuery("EXPLAIN QUERY PLAN SELECT kind FROM mail_outbox"
                    + " WHERE lower(recipient) = :e ORDER BY id").bind("e", "reader@example.org")
                    .map((rs, ctx) -> rs.getString("detail")).list());
            assertThat(plan).as("the address lookup reads the (small) outbox whole").noneMatch(d -> d.contains("INDEX"));
            List<String> onRecipient = db.reads().withHandle(h -> h.createQuery("SELECT i.name FROM"
                            + " pragma_index_list('mail_outbox') i JOIN pragma_index_info(i.name) c WHERE c.name = 'recipient'")
                    .mapTo(String.class).list());
            assertThat(onRecipient).isEmpty();
        }
    }
}
