package dev.gazette.settings;

import dev.gazette.store.Database;
import dev.gazette.store.Notices;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The SQL for settings changed in the newsroom. */
public final class SettingsStore {
    private final Jdbi reads;
    private final Jdbi writes;
    private final Notices notices;

    public SettingsStore(Database db) {
        this(db, new Notices(db));
    }

    /** @param notices tells the other nodes, in the saving transaction, to read the settings again */
    public SettingsStore(Database db, Notices notices) {
        this.reads = db.reads();
        this.writes = db.writes();
        this.notices = notices;
    }

    Map<String, String> all() {
        Map<String, String> values = new HashMap<>();
        reads.useHandle(h -> h.createQuery("SELECT key, value FROM site_setting")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> values.put(e.getKey(), e.getValue())));
        return values;
    }

    void save(Map<String, String> values, Instant now) {
        writes.useTransaction(h -> {
            var upsert = h.prepareBatch("INSERT INTO site_setting (key, value, updated_at) VALUES (:k, :v, :now)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
            values.forEach((k, v) -> upsert.bind("k", k).bind("v", v).bind("now", now.toEpochMilli()).add());
            if (!values.isEmpty()) upsert.execute();
            notices.publish(h, LiveSettings.CHANNEL, "saved");
        });
    }
}
