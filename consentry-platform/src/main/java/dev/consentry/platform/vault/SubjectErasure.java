package dev.consentry.platform.vault;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a service does when a subject's erasure completes (S5): destroys the subject's key (everything sealed under it
 * becomes unreadable, and a tombstone keeps a new key from ever being made) and deletes the subject's events that
 * the outbox relay already sent (partner notices in them carry the subject's id and values). Events not yet sent
 * stay until they are (they may be the very notices the erasure needs), then go with the outbox retention.
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class SubjectErasure {

    private final SubjectVault vault;

    public SubjectErasure(SubjectVault vault) {
        this.vault = vault;
    }

    /** True if the subject had a key here. */
    public Uni<Boolean> shred(String tenant, String subjectKey) {
        return vault.destroy(tenant, subjectKey).call(() -> purgeSent(tenant, subjectKey));
    }

    /**
     * Deletes the subject's events the relay already sent, without destroying the key: what an erasure of some
     * categories does, since its notices carried the values being erased.
     */
    public Uni<Void> purgeSent(String tenant, String subjectKey) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "DELETE FROM outbox_message WHERE record_key = ?1 AND sent_at IS NOT NULL")
                .setParameter(1, tenant + "/" + subjectKey)
                .executeUpdate())
                .replaceWithVoid();
    }
}
