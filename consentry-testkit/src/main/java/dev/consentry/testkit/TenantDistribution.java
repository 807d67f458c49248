package dev.consentry.testkit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a migrated schema must be for its tables to be sharded by tenant (deploy/README.md, "Distributing the tables"):
 * every table is a shop's table (distributed by {@code tenant}), an installation-wide reference table, or a service's
 * local bookkeeping. A shop's table has a non-null {@code tenant}, a primary key and unique constraints that include
 * it, and references to other shops' tables that carry it; nothing refers to a shop's table from outside the shops'
 * tables, and no shop's table refers to local bookkeeping.
 */
public final class TenantDistribution {

    public static final String TENANT = "tenant";

    /** The schema as the catalogue says: columns, unique indexes (the primary key among them) and foreign keys. */
    public record Schema(Map<String, Map<String, Boolean>> columnsNullable, List<UniqueIndex> uniqueIndexes,
                         List<ForeignKey> foreignKeys) {

        public Set<String> tables() {
            return new TreeSet<>(columnsNullable.keySet());
        }
    }

    public record UniqueIndex(String table, String name, boolean primary, List<String> columns) {
    }

    public record ForeignKey(String name, String table, List<String> columns, String referenced,
                             List<String> referencedColumns) {
    }

    private TenantDistribution() {
    }

    /** Reads the current schema of the connection's database. */
    public static Schema read(Connection c) throws SQLException {
        Map<String, Map<String, Boolean>> columns = new HashMap<>();
        List<UniqueIndex> indexes = new ArrayList<>();
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    SELECT c.table_name, c.column_name, c.is_nullable = 'YES' FROM information_schema.columns c
                    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'""")) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getString(2), rs.getBoolean(3));
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT t.relname, x.relname, i.indisprimary,
                        array(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)
                    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
                    WHERE i.indisunique AND t.relnamespace = current_schema()::regnamespace""")) {
                while (rs.next()) {
                    indexes.add(new UniqueIndex(rs.getString(1), rs.getString(2), rs.getBoolean(3), strings(rs.getArray(4))));
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT f.conname, t.relname,
                        array(SELECT a.attname::text FROM unnest(f.conkey) WITH ORDINALITY k(attnum, n)
                              JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.attnum ORDER BY k.n),
                        r.relname,
                        array(SELECT a.attname::text FROM unnest(f.confkey) WITH ORDINALITY k(attnum, n)
                              JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.attnum ORDER BY k.n)
                    FROM pg_constraint f JOIN pg_class t ON t.oid = f.conrelid JOIN pg_class r ON r.oid = f.confrelid
                    WHERE f.contype = 'f' AND f.connamespace = current_schema()::regnamespace""")) {
                while (rs.next()) {
                    keys.add(new ForeignKey(rs.getString(1), rs.getString(2), strings(rs.getArray(3)), rs.getString(4),
                            strings(rs.getArray(5))));
                }
            }
        }
        return new Schema(columns, indexes, keys);
    }

    /**
     * What keeps {@code schema} from being distributed by tenant, one line per finding; empty when nothing does.
     * {@code reference}: installation-wide tables (copied to every shard); {@code local}: a service's bookkeeping
     * (kept on the coordinator). Every other table is a shop's table.
     */
    public static List<String> violations(Schema schema, Set<String> reference, Set<String> local) {
        List<String> found = new ArrayList<>();
        Set<String> tables = schema.tables();
        for (String named : union(reference, local)) {
            if (!tables.contains(named)) {
                found.add(named + ": named as reference or local but not in the schema");
            }
        }
        Set<String> distributed = distributed(schema, reference, local);
        for (String table : distributed) {
            Boolean nullable = schema.columnsNullable().get(table).get(TENANT);
            if (nullable == null) {
                found.add(table + ": a shop's table without a '" + TENANT + "' column");
            } else if (nullable) {
                found.add(table + ": '" + TENANT + "' may be null");
            }
            if (schema.uniqueIndexes().stream().noneMatch(i -> i.table().equals(table) && i.primary())) {
                found.add(table + ": no primary key");
            }
        }
        for (UniqueIndex index : schema.uniqueIndexes()) {
            if (distributed.contains(index.table()) && !index.columns().contains(TENANT)) {
                found.add(index.table() + ": " + (index.primary() ? "primary key " : "unique index ") + index.name()
                        + " " + index.columns() + " does not include '" + TENANT + "'");
            }
        }
        for (ForeignKey key : schema.foreignKeys()) {
            boolean from = distributed.contains(key.table());
            boolean to = distributed.contains(key.referenced());
            if (from && local.contains(key.referenced())) {
                found.add(key.table() + ": " + key.name() + " refers to local bookkeeping " + key.referenced());
            } else if (!from && to) {
                found.add(key.table() + ": " + key.name() + " refers to the shops' table " + key.referenced()
                        + " from outside the shops' tables");
            } else if (from && to && !sameTenant(key)) {
                found.add(key.table() + ": " + key.name() + " " + key.columns() + " -> " + key.referenced()
                        + key.referencedColumns() + " does not pair '" + TENANT + "' with '" + TENANT + "'");
            }
        }
        return found;
    }

    /** The shops' tables: all but the reference and local ones. */
    public static Set<String> distributed(Schema schema, Set<String> reference, Set<String> local) {
        Set<String> tables = schema.tables();
        tables.removeAll(reference);
        tables.removeAll(local);
        return tables;
    }

    private static boolean sameTenant(ForeignKey key) {
        int at = key.columns().indexOf(TENANT);
        return at >= 0 && TENANT.equals(key.referencedColumns().get(at));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
