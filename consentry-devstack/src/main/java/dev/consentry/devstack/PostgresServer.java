package dev.consentry.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL: embedded (zonky binaries, started in a temporary directory), or an external server named by
 * {@code CONSENTRY_POSTGRES_URL=postgresql://user:password@host:port}. Each service gets its own database.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String EXTERNAL_ENV = "CONSENTRY_POSTGRES_URL";
    private static final Pattern DB_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static PostgresServer start() throws IOException {
        return start(true);
    }

    /**
     * @param stopOnJvmExit whether the embedded server stops itself when the JVM exits; the launcher says no and stops
     *                      it after the services, so that they can shut down cleanly against a live database
     */
    public static PostgresServer start(boolean stopOnJvmExit) throws IOException {
        String external = System.getenv(EXTERNAL_ENV);
        if (external != null && !external.isBlank()) {
            return external(URI.create(external.trim()));
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(stopOnJvmExit)
                // the outbox relay measures from, and publishes, each event's commit time (deploy/README.md)
                .setServerConfig("track_commit_timestamp", "on")
                .start();
        return new PostgresServer(pg, "localhost", pg.getPort(), "postgres", "postgres");
    }

    private static PostgresServer external(URI uri) {
        String[] userInfo = uri.getUserInfo() == null ? new String[]{"postgres", ""} : uri.getUserInfo().split(":", 2);
        return new PostgresServer(null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), userInfo[0],
                userInfo.length > 1 ? userInfo[1] : "");
    }

    /** Creates {@code name} if it does not exist yet and returns how to reach it. */
    public Database database(String name) throws SQLException {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database names are lowercase identifiers: " + name);
        }
        Database admin = new Database(host, port, "postgres", user, password);
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), user, password);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + name);
                }
            }
        }
        return new Database(host, port, name, user, password);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
