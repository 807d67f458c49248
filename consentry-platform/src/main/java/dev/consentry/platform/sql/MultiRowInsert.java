package dev.consentry.platform.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes many rows with one statement on the current Hibernate Reactive session's connection (so in the caller's
 * transaction): each column's values go as one array parameter, {@code INSERT INTO t (a, b) SELECT … FROM unnest($1,
 * $2) WITH ORDINALITY … ORDER BY ordinality}, so hundreds of rows cost one round trip, and rows keep their order
 * (serial ids are drawn in that order). Values are always bound as parameters, never written into the statement.
 * <p>
 * The statement's text depends on the table and its columns only, never on the number of rows: PostgreSQL parses and
 * plans a few array parameters instead of a {@code VALUES} list of thousands (which cost audit-service's database more
 * than the rows it wrote; BENCHMARKS.md). It goes to the connection as it is, not through the ORM's native-query
 * machinery; the session is flushed first, as the ORM does before a native statement.
 */
public final class MultiRowInsert {

    /** At most this many rows per statement, so one statement's message stays a few megabytes. */
    static final int MAX_ROWS = 5_000;

    /** The PostgreSQL types a column may have here, each with the array its values are bound as. */
    private static final Map<String, IntFunction<Object[]>> ARRAYS = Map.of("text", String[]::new,
            "bigint", Long[]::new, "integer", Integer[]::new, "boolean", Boolean[]::new,
            "timestamptz", OffsetDateTime[]::new, "bytea", Buffer[]::new, "uuid", UUID[]::new);

    /**
     * A column to fill and its PostgreSQL type: {@code text}, {@code bigint}, {@code integer}, {@code boolean},
     * {@code timestamptz} (values {@link Instant} or {@link OffsetDateTime}), {@code bytea} (values {@code byte[]}) or
     * {@code uuid} (values {@link UUID} or its text).
     */
    public record Column(String name, String type) {
        public Column {
            Objects.requireNonNull(name);
            if (!ARRAYS.containsKey(type)) {
                throw new IllegalArgumentException("unsupported column type " + type + " for " + name);
            }
        }
    }

    private MultiRowInsert() {
    }

    /** The columns named in {@code nameAndType} pairs, e.g. {@code columns("tenant", "text", "seq", "bigint")}. */
    public static List<Column> columns(String... nameAndType) {
        if (nameAndType.length % 2 != 0) {
            throw new IllegalArgumentException("columns come in name and type pairs");
        }
        return IntStream.range(0, nameAndType.length / 2)
                .mapToObj(i -> new Column(nameAndType[2 * i], nameAndType[2 * i + 1])).toList();
    }

    /**
     * Inserts {@code rows} into {@code table}, each row holding one value per column, in the order of {@code columns}.
     */
    public static Uni<Void> insert(String table, List<Column> columns, List<Object[]> rows) {
        return insertReturning(table, columns, rows, "", null).replaceWithVoid();
    }

    /**
     * As {@link #insert}, with {@code suffix} after the rows (e.g. {@code ON CONFLICT DO NOTHING RETURNING id});
     * returns what the statements return.
     */
    public static <R> Uni<List<R>> insertReturning(String table, List<Column> columns, List<Object[]> rows,
                                                   String suffix, Class<R> returned) {
        String sql = statement(table, columns, suffix);
        List<List<Object[]>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += MAX_ROWS) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + MAX_ROWS)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> execute(sql, columns, chunk, returned))
                .collect().in(ArrayList<R>::new, List::addAll)
                .map(all -> (List<R>) all);
    }

    /** The statement for {@code columns} of {@code table}, whatever the number of rows. */
    static String statement(String table, List<Column> columns, String suffix) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String values = IntStream.rangeClosed(1, columns.size()).mapToObj(i -> "c" + i).collect(Collectors.joining(", "));
        String arrays = IntStream.range(0, columns.size())
                .mapToObj(i -> "$" + (i + 1) + "::" + columns.get(i).type() + "[]").collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM unnest(" + arrays
                + ") WITH ORDINALITY AS r(" + values + ", n) ORDER BY n";
        return suffix.isEmpty() ? sql : sql + " " + suffix;
    }

    private static <R> Uni<List<R>> execute(String sql, List<Column> columns, List<Object[]> rows, Class<R> returned) {
        Object[] arrays = arrays(columns, rows);
        return Panache.getSession().flatMap(session -> session.flush().chain(() -> {
            ReactiveConnection connection = ((MutinySessionImpl) session).getReactiveConnection();
            if (returned == null) {
                return Uni.createFrom().completionStage(() -> connection.update(sql, arrays)).map(count -> List.<R>of());
            }
            return Uni.createFrom().completionStage(() -> connection.select(sql, arrays)).map(result -> {
                List<R> found = new ArrayList<>(result.size());
                result.forEachRemaining(row -> found.add(returned.cast(row[0])));
                return found;
            });
        }));
    }

    /** One array per column, as the PostgreSQL client binds arrays of the column's type. */
    static Object[] arrays(List<Column> columns, List<Object[]> rows) {
        Object[] arrays = new Object[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Object[] array = ARRAYS.get(column.type()).apply(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                if (row.length != columns.size()) {
                    throw new IllegalArgumentException("a row has " + row.length + " values for " + columns.size() + " columns");
                }
                try {
                    array[r] = value(column.type(), row[c]);
                } catch (ArrayStoreException e) {
                    // the value's class only: values may be personal data
                    throw new IllegalArgumentException("column " + column.name() + " (" + column.type()
                            + ") cannot take a " + row[c].getClass().getSimpleName());
                }
            }
            arrays[c] = array;
        }
        return arrays;
    }

    /** A value as the PostgreSQL client binds it: times with their offset, bytes as a buffer, UUIDs from their text. */
    private static Object value(String type, Object value) {
        if ("uuid".equals(type) && value instanceof String text) {
            return UUID.fromString(text);
        }
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof byte[] bytes) {
            return Buffer.buffer(bytes);
        }
        return value;
    }
}
