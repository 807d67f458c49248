package dev.consentry.platform.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Native SQL in the current Hibernate Reactive session (so in the caller's transaction), for statements the ORM
 * cannot express; {@code params} bind to {@code ?1}, {@code ?2}… in order, never written into the statement.
 */
public final class NativeQueries {

    private NativeQueries() {
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it touched. */
    public static Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        });
    }

    /** The rows of a query of two or more columns (one column comes back as bare values: use {@link #values}). */
    public static Uni<List<Object[]>> rows(String sql, Object... params) {
        return values(sql, Object[].class, params);
    }

    /** The results of a query, each of {@code type}. */
    public static <T> Uni<List<T>> values(String sql, Class<T> type, Object... params) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql, type);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList();
        });
    }
}
