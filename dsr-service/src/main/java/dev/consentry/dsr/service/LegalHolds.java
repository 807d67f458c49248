package dev.consentry.dsr.service;

import dev.consentry.dsr.model.LegalHold;
import dev.consentry.dsr.repository.LegalHoldRepository;
import dev.consentry.dsr.service.view.LegalHoldRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The tenant's legal holds per data category (R6). Setting a hold on a category replaces the previous one. */
@ApplicationScoped
public class LegalHolds {

    private final LegalHoldRepository legalHolds;

    public LegalHolds(LegalHoldRepository legalHolds) {
        this.legalHolds = legalHolds;
    }

    @WithTransaction
    public Uni<LegalHoldRequest> put(String tenant, LegalHoldRequest request) {
        return legalHolds.findById(new LegalHold.Key(tenant, request.category())).flatMap(existing -> {
            LegalHold hold = existing == null ? new LegalHold() : existing;
            hold.key = new LegalHold.Key(tenant, request.category());
            hold.reason = request.reason();
            hold.retain = request.retain();
            return legalHolds.persist(hold).map(LegalHolds::view);
        });
    }

    @WithSession
    public Uni<List<LegalHoldRequest>> list(String tenant) {
        return forTenant(tenant).map(list -> list.stream().map(LegalHolds::view).toList());
    }

    public Uni<List<LegalHold>> forTenant(String tenant) {
        return legalHolds.list("key.tenant = ?1 order by key.category", tenant);
    }

    static LegalHoldRequest view(LegalHold h) {
        return new LegalHoldRequest(h.key.category(), h.reason, h.retain);
    }
}
