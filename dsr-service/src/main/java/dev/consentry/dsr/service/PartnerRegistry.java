package dev.consentry.dsr.service;

import dev.consentry.dsr.model.Partner;
import dev.consentry.dsr.repository.PartnerRepository;
import dev.consentry.dsr.rest.dto.PartnerView;
import dev.consentry.events.Topics;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Partners as identities of the installation (S2): the platform admin registers each once, with its Kafka principal;
 * shops link them into their registries ({@link RecipientService}). A shop's own system is registered here as a
 * partner owned by that shop the first time the shop names it.
 */
@ApplicationScoped
public class PartnerRegistry {

    /** Register command: a partner's id, name, Kafka principal and delivery. */
    public record Registration(String id, String name, String kafkaPrincipal, String delivery) {
    }

    private final PartnerRepository partners;
    private final Clock clock;

    public PartnerRegistry(PartnerRepository partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    /** Runs in the caller's transaction. */
    public Uni<PartnerView> register(Registration registration) {
        return partners.findById(registration.id()).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("partner-exists", "Partner '" + registration.id() + "' is registered already.");
            }
            Partner p = new Partner();
            p.id = registration.id();
            p.name = registration.name();
            p.kafkaPrincipal = registration.kafkaPrincipal();
            p.delivery = registration.delivery() == null ? Partner.KAFKA : registration.delivery();
            p.createdAt = now();
            return partners.persist(p).map(PartnerRegistry::view);
        });
    }

    @WithSession
    public Uni<List<PartnerView>> list(int page, int size) {
        return partners.installationPartners(page, size).map(list -> list.stream().map(PartnerRegistry::view).toList());
    }

    /**
     * The partner {@code tenant} may link as {@code partnerId}: one of the installation's, or the shop's own. Another
     * shop's own system is answered like an unknown one.
     */
    public Uni<Partner> linkable(String tenant, String partnerId) {
        return partners.findById(partnerId).map(p -> {
            if (p == null || !p.linkableBy(tenant)) {
                throw ProblemException.unprocessable("unknown-partner",
                        "No partner '" + partnerId + "' is registered; the platform admin registers partners (POST /v1/partners).");
            }
            return p;
        });
    }

    /** The shop's own system {@code systemId}: created on first use, owned by the shop. Runs in the caller's transaction. */
    public Uni<Partner> ownSystem(String tenant, String systemId, String name) {
        if (!Topics.isValidPartnerId(tenant)) {
            throw ProblemException.unprocessable("tenant-cannot-name-a-topic", "This shop's id cannot name a Kafka topic "
                    + "(" + Topics.PARTNER_ID_MESSAGE + "); link a registered partner instead.");
        }
        String id = Topics.ownSystemId(tenant, systemId);
        return partners.findById(id).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            Partner p = new Partner();
            p.id = id;
            p.name = name;
            p.delivery = Partner.KAFKA;
            p.ownerTenant = tenant;
            p.createdAt = now();
            return partners.persist(p);
        });
    }

    static PartnerView view(Partner p) {
        return new PartnerView(p.id, p.name, p.kafkaPrincipal, p.delivery, Topics.partnerNotices(p.id),
                Topics.partnerReplies(p.id), consumerGroup(p.id), p.createdAt);
    }

    /** The one consumer group a partner's credentials may use (an exact name, never a prefix). */
    public static String consumerGroup(String partnerId) {
        return "partner-" + partnerId;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
