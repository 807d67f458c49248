package dev.consentry.platform.vault;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a service does when a subject's erasure completes (S5): destroys the subject's key (everything sealed under it
 * becomes unreadable, and a tombstone keeps a new key from ever being made). The subject's events leave the outbox as
 * soon as the broker has them (the relay deletes each acknowledged row), so no copy of a partner notice with the
 * subject's id and values outlives its delivery there. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SubjectErasure {

    private final SubjectVault vault;

    public SubjectErasure(SubjectVault vault) {
        this.vault = vault;
    }

    /** True if the subject had a key here. */
    public Uni<Boolean> shred(String tenant, String subjectKey) {
        return vault.destroy(tenant, subjectKey);
    }
}
