package dev.consentry.platform.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statements MultiRowInsert builds: every value a numbered parameter, and no statement over PostgreSQL's limit. */
class MultiRowInsertTest {

    @Test
    void everyValueIsANumberedParameterInRowOrder() {
        assertEquals("INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ($5, $6)",
                MultiRowInsert.statement("INSERT INTO t (a, b)", 2, 3, ""));
        assertEquals("INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING a",
                MultiRowInsert.statement("INSERT INTO t (a)", 1, 1, "ON CONFLICT DO NOTHING RETURNING a"));
    }

    @Test
    void aStatementNeverExceedsPostgresParameterLimit() {
        assertEquals(500, MultiRowInsert.rowsPerStatement(10));
        assertTrue(MultiRowInsert.rowsPerStatement(200) * 200 <= 65_535);
    }
}
