package dev.consentry.devstack;

/** Connection facts of one PostgreSQL database, in the forms Quarkus wants them. */
public record Database(String host, int port, String name, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + name;
    }
}
