package dev.consentry.platform.sql;

import java.util.List;

/**
 * One database transaction on a plain connection, for writes too large for the reactive client's statements: rows go
 * in with PostgreSQL's {@code COPY}. Handed to the work a {@link BulkTransactions} runs; valid only inside it.
 */
public interface BulkWriter {

    /** Copies {@code rows} (one value per column, in {@code columns}' order; null is SQL NULL) into {@code table}. */
    void copy(String table, List<String> columns, List<Object[]> rows);

    /** Runs one statement with positional parameters ({@code ?}); returns its rows (one value per selected column). */
    List<Object[]> query(String sql, Object... params);

    /** Runs one statement with positional parameters ({@code ?}); returns how many rows it changed. */
    int update(String sql, Object... params);
}
