package dev.consentry.platform.sql;

/**
 * Rows in PostgreSQL's {@code COPY … (FORMAT csv)} text: every value quoted (quotes doubled), SQL NULL as an unquoted
 * empty field, times as ISO-8601 with their offset.
 */
final class CsvRows {

    private CsvRows() {
    }

    static void append(StringBuilder csv, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object value = row[i];
            if (value == null) {
                continue;
            }
            String text = value.toString(); // Instant and OffsetDateTime print ISO-8601, which PostgreSQL reads
            csv.append('"');
            // the text between quotes goes in whole; each quote is doubled
            int from = 0;
            for (int quote = text.indexOf('"'); quote >= 0; quote = text.indexOf('"', quote + 1)) {
                csv.append(text, from, quote + 1).append('"');
                from = quote + 1;
            }
            csv.append(text, from, text.length()).append('"');
        }
        csv.append('\n');
    }
}
