package dev.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every index costs each insert its upkeep (a reply's row carries several): an ordinary index whose columns begin
 * another index of the same table serves no query that the longer one does not, so the schema keeps none.
 */
class RedundantIndexTest {

    /** An index and its columns in order. */
    record Index(String table, String name, boolean unique, boolean partial, List<String> columns) {}

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void noOrdinaryIndexIsTheBeginningOfAnother(Dialect dialect) {
        try (Database db = TestDatabases.of(dialect)) {
            List<Index> indexes = db.reads().withHandle(h -> dialect == Dialect.POSTGRESQL ? postgres(h) : sqlite(h));
            assertThat(indexes).as("the schema's indexes were read").extracting(Index::name).contains("comment_by_author_time");
            List<String> redundant = new ArrayList<>();
            for (Index shorter : indexes) {
                // A unique index is a rule about the data, not only a way to find rows; a partial one (WHERE …) is
                // smaller, and serves only the queries that imply its condition.
                if (shorter.unique() || shorter.partial()) continue;
                for (Index longer : indexes) {
                    if (longer != shorter && !longer.partial() && longer.table().equals(shorter.table())
                            && longer.columns().size() >= shorter.columns().size()
                            && longer.columns().subList(0, shorter.columns().size()).equals(shorter.columns())) {
                        redundant.add(shorter.name() + " " + shorter.columns() + " begins " + longer.name() + " "
                                + longer.columns());
                    }
                }
            }
            assertThat(redundant).isEmpty();
        }
    }

    private static List<Index> postgres(Handle h) {
        return h.createQuery("SELECT t.relname, i.relname, x.indisunique, x.indpred IS NOT NULL,"
                        + " array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)"
                        + " JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.n), ',')"
                        + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
                        + " JOIN pg_namespace s ON s.oid = t.relnamespace WHERE s.nspname = current_schema()")
                .map((rs, ctx) -> new Index(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        List.of(rs.getString(5).split(","))))
                .list();
    }

    private static List<Index> sqlite(Handle h) {
        List<Index> out = new ArrayList<>();
        for (String table : h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'").mapTo(String.class).list()) {
            out.addAll(h.createQuery("SELECT name, \"unique\", partial FROM pragma_index_list(:t)").bind("t", table)
                    .map((rs, ctx) -> new Index(table, rs.getString(1), rs.getInt(2) != 0, rs.getInt(3) != 0,
                            h.createQuery("SELECT name FROM pragma_index_info(:i) ORDER BY seqno")
                                    .bind("i", rs.getString(1)).mapTo(String.class).list()))
                    .list());
        }
        return out;
    }
}
