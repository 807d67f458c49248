package dev.consentry.platform.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Hibernate Reactive keeps a database session on the Vert.x context that opened it, and the session takes one
 * operation at a time. Work that completes elsewhere — a Kafka producer's acknowledgement, a worker thread, another
 * context — hands its outcome back to the caller's context before the caller's next database step.
 */
public final class SessionContexts {

    private SessionContexts() {
    }

    /** {@code work}'s outcome on the Vert.x context current when this is called; outside one, as it comes. */
    public static <T> Uni<T> backOnCallersContext(Uni<T> work) {
        Context caller = Vertx.currentContext();
        return caller == null ? work : work.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }
}
