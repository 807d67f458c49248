package dev.consentry.platform.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.vertx.core.buffer.Buffer;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes many rows with a few multi-row {@code INSERT … VALUES (…), (…)} statements on the current Hibernate Reactive
 * session's connection (so in the caller's transaction): hundreds of rows cost a handful of round trips instead of one
 * each. Rows keep their order. Values are always bound as parameters, never written into the statement.
 * <p>
 * The statement goes to the connection as it is, not through the ORM's native-query machinery: with thousands of
 * parameters per statement, parsing it and resolving a type per parameter was a quarter of audit-service's and
 * dsr-service's CPU (BENCHMARKS.md). The session is flushed first, as the ORM does before a native statement.
 */
public final class MultiRowInsert {

    /** At most this many rows per statement, and never more than PostgreSQL's 65,535 parameters. */
    static final int MAX_ROWS = 500;
    private static final int MAX_PARAMETERS = 65_535;

    private MultiRowInsert() {
    }

    /**
     * Inserts {@code rows} (each holding one value per column, in the order of {@code insertInto}'s column list).
     *
     * @param insertInto e.g. {@code INSERT INTO outbox_message (event_id, topic)}
     */
    public static Uni<Void> insert(String insertInto, int columns, List<Object[]> rows) {
        return insertReturning(insertInto, columns, rows, "", null).replaceWithVoid();
    }

    /**
     * As {@link #insert}, with {@code suffix} after the values (e.g. {@code ON CONFLICT DO NOTHING RETURNING id});
     * returns what the statements return, in order.
     */
    public static <R> Uni<List<R>> insertReturning(String insertInto, int columns, List<Object[]> rows, String suffix,
                                                   Class<R> returned) {
        int perStatement = rowsPerStatement(columns);
        List<List<Object[]>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += perStatement) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + perStatement)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> execute(insertInto, columns, chunk, suffix, returned))
                .collect().in(ArrayList<R>::new, List::addAll)
                .map(all -> (List<R>) all);
    }

    static int rowsPerStatement(int columns) {
        return Math.min(MAX_ROWS, MAX_PARAMETERS / columns);
    }

    /** The statement text for {@code rows} rows of {@code columns} parameters each. */
    static String statement(String insertInto, int columns, int rows, String suffix) {
        StringBuilder sql = new StringBuilder(insertInto).append(" VALUES ");
        int parameter = 1;
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns; c++) {
                sql.append(c == 0 ? "$" : ", $").append(parameter++);
            }
            sql.append(')');
        }
        return suffix.isEmpty() ? sql.toString() : sql.append(' ').append(suffix).toString();
    }

    private static <R> Uni<List<R>> execute(String insertInto, int columns, List<Object[]> rows, String suffix,
                                            Class<R> returned) {
        String sql = statement(insertInto, columns, rows.size(), suffix);
        Object[] values = new Object[rows.size() * columns];
        int i = 0;
        for (Object[] row : rows) {
            for (Object value : row) {
                values[i++] = parameter(value);
            }
        }
        return Panache.getSession().flatMap(session -> session.flush().chain(() -> {
            ReactiveConnection connection = ((MutinySessionImpl) session).getReactiveConnection();
            if (returned == null) {
                return Uni.createFrom().completionStage(() -> connection.update(sql, values)).map(count -> List.<R>of());
            }
            return Uni.createFrom().completionStage(() -> connection.select(sql, values)).map(result -> {
                List<R> found = new ArrayList<>(result.size());
                result.forEachRemaining(row -> found.add(returned.cast(row[0])));
                return found;
            });
        }));
    }

    /** A value as the PostgreSQL client takes it: times with their offset, bytes as a buffer. */
    private static Object parameter(Object value) {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof byte[] bytes) {
            return Buffer.buffer(bytes);
        }
        return value;
    }
}
