package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.PartnerNotice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class PartnerNoticeRepository implements PanacheRepositoryBase<PartnerNotice, UUID> {

    public Uni<PartnerNotice> find(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    /** Unanswered notices of every tenant past their reply date and not yet escalated. */
    public Uni<List<PartnerNotice>> unansweredPastReplyBy(java.time.Instant now) {
        return list("repliedAt is null and escalatedAt is null and replyBy < ?1 order by replyBy", now);
    }

    public Uni<List<PartnerNotice>> forRequest(UUID requestId) {
        return list("requestId = ?1 order by recipientId", requestId);
    }
}
