package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.platform.persistence.TenantScopedId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class PartnerNoticeRepository implements PanacheRepositoryBase<PartnerNotice, TenantScopedId> {

    public Uni<PartnerNotice> find(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    /** Unanswered notices of every tenant past their reply date and not yet escalated. */
    public Uni<List<PartnerNotice>> unansweredPastReplyBy(java.time.Instant now) {
        return list("repliedAt is null and escalatedAt is null and replyBy < ?1 order by replyBy", now);
    }

    public Uni<List<PartnerNotice>> forRequest(DsrRequest request) {
        return list("tenant = ?1 and requestId = ?2 order by recipientId", request.tenant, request.id);
    }

    /**
     * The notice with this id if it was sent to {@code partnerId}, in whichever shop: a partner of the installation
     * answering over HTTP under its own token names the notice alone (on a sharded database, a lookup that visits
     * every shard; replies on Kafka and through a delivery or an answer link name their shop).
     */
    public Uni<PartnerNotice> sentTo(String partnerId, UUID id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }
}
