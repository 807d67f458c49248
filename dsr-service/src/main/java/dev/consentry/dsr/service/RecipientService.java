package dev.consentry.dsr.service;

import dev.consentry.dsr.model.Partner;
import dev.consentry.dsr.model.Recipient;
import dev.consentry.dsr.repository.RecipientRepository;
import dev.consentry.dsr.service.view.Agreement;
import dev.consentry.dsr.service.view.RecipientView;
import dev.consentry.events.Topics;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The registry of systems and recipients (R4). */
@ApplicationScoped
public class RecipientService {

    static final int DEFAULT_REPLY_WITHIN_DAYS = 7;

    private final RecipientRepository recipients;
    private final PartnerRegistry partnerRegistry;
    private final Clock clock;

    public RecipientService(RecipientRepository recipients, PartnerRegistry partnerRegistry, Clock clock) {
        this.recipients = recipients;
        this.partnerRegistry = partnerRegistry;
        this.clock = clock;
    }

    /**
     * Adds an entry to the shop's registry: a registered partner linked in, or (without {@code partnerId}) the shop's
     * own system, whose partner id is namespaced by the shop. Runs in the caller's transaction.
     */
    /**
     * A recipient to register: its id in this shop (default: the partner's), the partner it is (none: the shop's own
     * system), what it is, which data it holds, how soon it answers, the purposes it serves, its agreement.
     */
    public record Registration(String id, String partnerId, String name, String kind, List<String> dataCategories,
                               Integer replyWithinDays, List<String> purposes, Agreement agreement) {
    }

    public Uni<RecipientView> register(String tenant, Registration request) {
        String id = request.id() != null ? request.id() : request.partnerId();
        if (id == null) {
            throw ProblemException.badRequest("invalid-recipient",
                    "Give the partnerId of a registered partner, or the id of the shop's own system.");
        }
        return recipients.find(tenant, id).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("recipient-exists", "Recipient '" + id + "' is registered already.");
            }
            Uni<Partner> partner = request.partnerId() != null
                    ? partnerRegistry.linkable(tenant, request.partnerId())
                    : partnerRegistry.ownSystem(tenant, id, request.name());
            return partner.flatMap(p -> recipients.linked(tenant, p.id).flatMap(linked -> {
                if (linked != null) {
                    throw ProblemException.conflict("partner-linked",
                            "Partner '" + p.id + "' is in this shop's registry already, as '" + linked.key.id() + "'.");
                }
                Recipient r = new Recipient();
                r.key = new Recipient.Key(tenant, id);
                r.partnerId = p.id;
                r.name = request.name();
                r.kind = request.kind();
                r.dataCategories = request.dataCategories().stream().distinct().toArray(String[]::new);
                r.purposes = request.purposes() == null ? new String[0] : request.purposes().stream().distinct().toArray(String[]::new);
                r.replyWithinDays = request.replyWithinDays() == null ? DEFAULT_REPLY_WITHIN_DAYS : request.replyWithinDays();
                r.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                fileAgreement(r, request.agreement());
                return recipients.persist(r).map(RecipientService::view);
            }));
        });
    }

    /** Files (or replaces) the agreement with a recipient (R14). */
    @WithTransaction
    public Uni<RecipientView> putAgreement(String tenant, String id, Agreement agreement) {
        return recipients.find(tenant, id).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("No such recipient.");
            }
            fileAgreement(r, agreement);
            return view(r);
        });
    }

    private static void fileAgreement(Recipient r, Agreement agreement) {
        if (agreement == null) {
            return;
        }
        r.agreementReference = agreement.reference();
        r.agreementRole = agreement.role();
        r.agreementPurposes = agreement.purposes().stream().distinct().toArray(String[]::new);
        r.agreementCountry = agreement.country();
        r.agreementValidUntil = agreement.validUntil();
    }

    @WithSession
    public Uni<List<RecipientView>> list(String tenant, int page, int size) {
        return recipients.pageForTenant(tenant, page, size).map(list -> list.stream().map(RecipientService::view).toList());
    }

    static RecipientView view(Recipient r) {
        return new RecipientView(r.key.id(), r.partnerId, r.name, r.kind, List.of(r.dataCategories), List.of(r.purposes),
                r.replyWithinDays, Topics.partnerNotices(r.partnerId), Topics.partnerReplies(r.partnerId), r.createdAt,
                r.agreementReference == null ? null : new Agreement(r.agreementReference, r.agreementRole,
                        List.of(r.agreementPurposes), r.agreementCountry, r.agreementValidUntil));
    }
}
