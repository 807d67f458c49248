package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.VerificationChallenge;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
@WithSession
public class VerificationChallengeRepository implements PanacheRepositoryBase<VerificationChallenge, VerificationChallenge.Key> {

    public Uni<VerificationChallenge> find(String tenant, UUID requestId) {
        return find("requestId = ?1 and tenant = ?2", requestId, tenant).firstResult();
    }
}
