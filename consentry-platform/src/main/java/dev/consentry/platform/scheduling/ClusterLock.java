package dev.consentry.platform.scheduling;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Lets one replica at a time run a scheduled job: a PostgreSQL advisory lock held until the current transaction ends.
 * Call it first inside the job's transaction and skip the work when it answers false.
 */
public final class ClusterLock {

    private ClusterLock() {
    }

    /** Tries the transaction-scoped advisory lock {@code key}; false when another replica holds it. */
    public static Uni<Boolean> tryLockForTransaction(long key) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)", Boolean.class)
                .setParameter(1, key)
                .getSingleResult());
    }

    /** A stable lock key for a job name. */
    public static long key(String jobName) {
        long h = 1125899906842597L;
        for (int i = 0; i < jobName.length(); i++) {
            h = 31 * h + jobName.charAt(i);
        }
        return h;
    }
}
