package org.huzhu.support;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/** How many rows each table of ours holds; the audit trail too, since a refusal records nothing. */
public final class RowCounts {

    private RowCounts() {
    }

    public static Map<String, Long> of(JdbcClient jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.sql("select tablename from pg_tables where schemaname = 'huzhu' and tablename <> 'flyway_schema_history'")
                .query(String.class).list()) {
            counts.put(table, jdbc.sql("select count(*) from huzhu." + table).query(Long.class).single());
        }
        return counts;
    }
}
