package dev.consentry.platform.sql;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs bulk work in one transaction of its own on a JDBC connection (the reactive PostgreSQL client has no
 * {@code COPY}), on a worker thread: committed when the work returns, rolled back when it throws. Whatever the work
 * announces must be written through the same {@link BulkWriter} (the outbox's rows too), so that it commits with it.
 */
@ApplicationScoped
public class BulkTransactions {

    private final AgroalDataSource dataSource;

    public BulkTransactions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> Uni<T> run(Function<BulkWriter, T> work) {
        return Uni.createFrom().item(() -> inTransaction(work)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private <T> T inTransaction(Function<BulkWriter, T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(new JdbcBulkWriter(c));
                c.commit();
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BulkWriteException(e);
        }
    }

    /** A statement of bulk work failed; its SQLSTATE tells why (e.g. 23505, a unique key taken). */
    public static final class BulkWriteException extends RuntimeException {
        private final String sqlState;

        BulkWriteException(SQLException cause) {
            super("bulk write failed (SQLSTATE " + cause.getSQLState() + ")", cause);
            this.sqlState = cause.getSQLState();
        }

        public String sqlState() {
            return sqlState;
        }
    }

    private record JdbcBulkWriter(Connection c) implements BulkWriter {

        @Override
        public void copy(String table, List<String> columns, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            StringBuilder csv = new StringBuilder(rows.size() * 256);
            for (Object[] row : rows) {
                CsvRows.append(csv, row);
            }
            String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
            } catch (SQLException e) {
                throw new BulkWriteException(e);
            } catch (IOException e) {
                throw new IllegalStateException("COPY into " + table + " failed", e);
            }
        }

        @Override
        public List<Object[]> query(String sql, Object... params) {
            try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            } catch (SQLException e) {
                throw new BulkWriteException(e);
            }
        }

        @Override
        public int update(String sql, Object... params) {
            try (PreparedStatement st = prepare(sql, params)) {
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new BulkWriteException(e);
            }
        }

        private PreparedStatement prepare(String sql, Object... params) throws SQLException {
            PreparedStatement st = c.prepareStatement(sql);
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Instant instant) {
                    st.setTimestamp(i + 1, Timestamp.from(instant));
                } else if (p instanceof OffsetDateTime odt) {
                    st.setObject(i + 1, odt);
                } else {
                    st.setObject(i + 1, p);
                }
            }
            return st;
        }
    }
}
