package dev.consentry.platform.persistence;

import dev.consentry.platform.sql.MultiRowInsert;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The platform's multi-row insert against the real PostgreSQL: every column type it binds arrives as given, nulls
 * included; rows keep their order across statements (a serial id drawn per row follows it); a conflicting row is
 * left out and not returned.
 */
@QuarkusTest
class MultiRowInsertDatabaseTest {

    private static final List<MultiRowInsert.Column> PROBE = MultiRowInsert.columns("t", "text", "b", "bigint",
            "i", "integer", "f", "boolean", "at", "timestamptz", "h", "bytea", "u", "uuid");

    @Test
    void rowsOfEveryColumnTypeArriveAsGivenInTheirOrderAcrossStatements() throws Throwable {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int count = 2 * 5_000 + 7; // three statements
        List<Object[]> rows = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            UUID u = UUID.randomUUID();
            boolean nulls = n % 1000 == 3;
            rows.add(new Object[]{nulls ? null : "row " + n, (long) n * 1_000_000_007L, n, n % 2 == 0,
                    at.plusSeconds(n), new byte[]{(byte) n, 1}, nulls ? u.toString() : u});
            expected.add((nulls ? null : "row " + n) + "|" + (long) n * 1_000_000_007L + "|" + n + "|" + (n % 2 == 0)
                    + "|" + ChronoUnit.MICROS.between(Instant.EPOCH, at.plusSeconds(n)) + "|" + HexFormat.of().formatHex(new byte[]{(byte) n, 1}) + "|" + u);
        }
        List<String> stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                Panache.getSession().flatMap(s -> s.createNativeQuery("""
                                CREATE TEMPORARY TABLE multi_row_probe (id BIGSERIAL, t TEXT, b BIGINT, i INT, f BOOLEAN,
                                    at TIMESTAMPTZ, h BYTEA, u UUID) ON COMMIT DROP""").executeUpdate())
                        .flatMap(x -> MultiRowInsert.insert("multi_row_probe", PROBE, rows))
                        .flatMap(x -> Panache.getSession()).flatMap(s -> s.createNativeQuery("""
                                SELECT coalesce(t, 'null') || '|' || b || '|' || i || '|' || f || '|'
                                    || (extract(epoch FROM at) * 1000000)::bigint || '|'
                                    || encode(h, 'hex') || '|' || u
                                FROM multi_row_probe ORDER BY id""", String.class).getResultList())));
        assertEquals(count, stored.size());
        for (int n = 0; n < count; n++) {
            assertEquals(expected.get(n), stored.get(n), "row " + n);
        }
    }

    @Test
    void aConflictingRowIsLeftOutAndNotReturned() throws Throwable {
        String consumer = "multi-row-test-" + UUID.randomUUID();
        List<MultiRowInsert.Column> columns = MultiRowInsert.columns("consumer", "text", "event_id", "text");
        List<Object[]> first = IntStream.range(0, 3).mapToObj(n -> new Object[]{consumer, "e" + n}).toList();
        List<Object[]> second = IntStream.range(1, 5).mapToObj(n -> new Object[]{consumer, "e" + n}).toList();
        List<String> recorded = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                MultiRowInsert.insert("processed_event", columns, first)
                        .flatMap(x -> MultiRowInsert.insertReturning("processed_event", columns, second,
                                "ON CONFLICT DO NOTHING RETURNING event_id", String.class))));
        assertEquals(Set.of("e3", "e4"), Set.copyOf(recorded));
    }
}
