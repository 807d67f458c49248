package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.service.retention.ActionKinds;
import dev.consentry.platform.vault.SubjectVault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The subject id of an erasure that keeps data under legal holds (R6, R9), sealed under a key of the request's own
 * ({@code hold:<requestId>}): the subject's key is destroyed when the erasure closes, yet when a hold ends the systems
 * must still be told whose held data to erase. The key is destroyed when the last hold has ended. Runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class HeldSubjects {

    private final SubjectVault vault;

    public HeldSubjects(SubjectVault vault) {
        this.vault = vault;
    }

    /** Seals the subject id for the request's holds; nothing when the request keeps nothing. */
    public Uni<Void> seal(DsrRequest request, String subjectId) {
        if (request.retained == null) {
            return Uni.createFrom().voidItem();
        }
        return vault.cipher(request.tenant, ActionKinds.holdVaultKey(request.id))
                .invoke(cipher -> request.holdSubjectSealed = cipher.seal(subjectId))
                .replaceWithVoid();
    }

    /** The subject id while a hold of the request lasts; empty once the last hold ended (or for older requests). */
    public Uni<Optional<String>> open(DsrRequest request) {
        if (request.holdSubjectSealed == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return vault.existing(request.tenant, ActionKinds.holdVaultKey(request.id))
                .map(cipher -> cipher.flatMap(c -> c.open(request.holdSubjectSealed)));
    }

    /** Destroys the request's hold key: its subject id cannot be read again. */
    public Uni<Void> forget(DsrRequest request) {
        return vault.destroy(request.tenant, ActionKinds.holdVaultKey(request.id)).replaceWithVoid();
    }
}
