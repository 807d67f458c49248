package dev.consentry.platform.scheduling;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Works off a queue kept in a table (e-mails to send, say) one item per transaction: {@code settleOne} takes the next
 * item (with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work), settles it and answers true, or answers
 * false when nothing is left. A failure ends the round — the item stays queued for the next one — and is logged by its
 * class only (messages may quote values).
 */
public final class QueueDrain {

    private QueueDrain() {
    }

    /** Settles up to {@code max} items; returns how many it settled. */
    public static Uni<Integer> drain(Supplier<Uni<Boolean>> settleOne, int max, String what) {
        return Multi.createBy().repeating().uni(() -> Panache.withTransaction(settleOne))
                .whilst(settled -> settled)
                .select().first(max)
                .collect().asList()
                .map(settled -> (int) settled.stream().filter(b -> b).count())
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("%s could not be settled now (%s); they stay queued", what, e.getClass().getSimpleName());
                    return 0;
                });
    }
}
