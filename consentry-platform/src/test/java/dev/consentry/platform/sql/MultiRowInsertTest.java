package dev.consentry.platform.sql;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The statements MultiRowInsert builds and the arrays it binds (the rows themselves: platform-tests, real PostgreSQL). */
class MultiRowInsertTest {

    @Test
    void oneArrayParameterPerColumnAndRowsInTheirOrder() {
        assertEquals("INSERT INTO t (a, b) SELECT c1, c2 FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY"
                        + " AS r(c1, c2, n) ORDER BY n",
                MultiRowInsert.statement("t", MultiRowInsert.columns("a", "text", "b", "bigint"), ""));
        assertEquals("INSERT INTO t (a) SELECT c1 FROM unnest($1::uuid[]) WITH ORDINALITY AS r(c1, n) ORDER BY n"
                        + " ON CONFLICT DO NOTHING RETURNING a",
                MultiRowInsert.statement("t", MultiRowInsert.columns("a", "uuid"), "ON CONFLICT DO NOTHING RETURNING a"));
    }

    @Test
    void theStatementDoesNotGrowWithTheRows() {
        String statement = MultiRowInsert.statement("t", MultiRowInsert.columns("a", "text"), "");
        assertFalse(statement.contains("VALUES") || statement.contains("$2"));
    }

    @Test
    void valuesAreBoundAsArraysOfTheColumnsType() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T12:00:00Z");
        Object[] arrays = MultiRowInsert.arrays(
                MultiRowInsert.columns("id", "uuid", "at", "timestamptz", "hash", "bytea", "note", "text"),
                List.of(new Object[]{id.toString(), at, new byte[]{1, 2}, null},
                        new Object[]{id, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), new byte[]{3}, "x"}));
        assertArrayEquals(new UUID[]{id, id}, (Object[]) arrays[0]);
        assertArrayEquals(new OffsetDateTime[]{OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC)}, (Object[]) arrays[1]);
        assertArrayEquals(new Buffer[]{Buffer.buffer(new byte[]{1, 2}), Buffer.buffer(new byte[]{3})}, (Object[]) arrays[2]);
        assertArrayEquals(new String[]{null, "x"}, (Object[]) arrays[3]);
    }

    @Test
    void aValueOfTheWrongKindIsRefusedWithoutShowingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MultiRowInsert.arrays(
                MultiRowInsert.columns("seq", "bigint"), List.<Object[]>of(new Object[]{"jane@example.com"})));
        assertFalse(e.getMessage().contains("jane"));
        assertThrows(IllegalArgumentException.class, () -> MultiRowInsert.columns("a", "jsonb"));
    }
}
