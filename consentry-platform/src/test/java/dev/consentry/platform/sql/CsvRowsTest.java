package dev.consentry.platform.sql;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The text COPY reads (that it reads it back whole: consent-service's import tests, real PostgreSQL). */
class CsvRowsTest {

    private static String csv(Object... row) {
        StringBuilder csv = new StringBuilder();
        CsvRows.append(csv, row);
        return csv.toString();
    }

    @Test
    void everyValueQuotedWithItsQuotesDoubledAndNullAsAnEmptyField() {
        assertEquals("\"a\",,\"42\"\n", csv("a", null, 42L));
        assertEquals("\"\"\"\",\"say \"\"hi\"\"\",\"\"\"x\",\"x\"\"\"\n", csv("\"", "say \"hi\"", "\"x", "x\""));
        assertEquals("\"{\"\"k\"\":\"\"v,\nw\"\"}\",\"\"\n", csv("{\"k\":\"v,\nw\"}", ""));
        assertEquals("\"2026-12-01T10:00:00Z\"\n", csv(Instant.parse("2026-12-01T10:00:00Z")));
    }
}
