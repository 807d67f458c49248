package dev.consentry.dsr.service;

import dev.consentry.dsr.model.Disclosure;
import dev.consentry.dsr.model.Recipient;
import dev.consentry.dsr.repository.DisclosureRepository;
import dev.consentry.dsr.repository.RecipientRepository;
import dev.consentry.dsr.repository.TenantDisclosurePolicyRepository;
import dev.consentry.dsr.service.governance.ConsentCoverage;
import dev.consentry.dsr.service.view.DisclosureView;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.DisclosureData;
import dev.consentry.platform.outbox.Outbox;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.StaffReads;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The disclosure ledger (R4): who received which categories of whose data, when and on which basis. */
@ApplicationScoped
public class DisclosureLedger {

    private final DisclosureRepository disclosures;
    private final RecipientRepository recipients;
    private final SubjectKeys subjectKeys;
    private final Outbox outbox;
    private final SubjectVault vault;
    private final StaffReads staffReads;
    private final Clock clock;
    private final ConsentCoverage consents;
    private final TenantDisclosurePolicyRepository disclosurePolicies;

    public DisclosureLedger(DisclosureRepository disclosures, RecipientRepository recipients, SubjectKeys subjectKeys,
                            Outbox outbox, SubjectVault vault, StaffReads staffReads,
                            Clock clock, ConsentCoverage consents,
                            TenantDisclosurePolicyRepository disclosurePolicies) {
        this.disclosurePolicies = disclosurePolicies;
        this.consents = consents;
        this.clock = clock;
        this.staffReads = staffReads;
        this.vault = vault;
        this.disclosures = disclosures;
        this.recipients = recipients;
        this.subjectKeys = subjectKeys;
        this.outbox = outbox;
    }

    /**
     * A disclosure to record (R14): whose data went to which recipient, which categories, on which basis and when;
     * for an authority's request, the agency and its legal basis; the purpose it served, if any.
     */
    public record Entry(String subjectId, String recipientId, List<String> categories, String basis,
                         Instant disclosedAt, String authorityAgency, String authorityLegalBasis, String purpose) {
    }

    @WithTransaction
    public Uni<DisclosureView> record(String tenant, Entry request) {
        boolean authority = "authority_request".equals(request.basis());
        if (authority && (isBlank(request.authorityAgency()) || isBlank(request.authorityLegalBasis()))) {
            throw ProblemException.badRequest("authority-details-missing",
                    "A disclosure to an authority records the agency and the legal basis it invoked.");
        }
        if (request.disclosedAt().isAfter(clock.instant())) {
            throw ProblemException.badRequest("disclosure-in-future", "disclosedAt must not be in the future.");
        }
        String subjectKey = subjectKeys.of(tenant, request.subjectId());
        return recipients.find(tenant, request.recipientId()).flatMap(recipient -> {
            if (recipient == null) {
                throw ProblemException.unprocessable("unknown-recipient",
                        "Recipient '" + request.recipientId() + "' is not in this shop's registry.");
            }
            withinAgreement(recipient, request);
            return consents.check(tenant, subjectKey, request).flatMap(v -> store(tenant, request));
        });
    }

    /** R14: a recipient with an agreement on file receives data only within it. */
    private static void withinAgreement(Recipient recipient, Entry request) {
        if (recipient.agreementReference == null) {
            return;
        }
        if (recipient.agreementValidUntil != null && request.disclosedAt().isAfter(recipient.agreementValidUntil)) {
            throw ProblemException.unprocessable("outside-agreement", "The agreement with '" + recipient.key.id()
                    + "' (" + recipient.agreementReference + ") ended before disclosedAt.");
        }
        if (request.purpose() != null && !Arrays.asList(recipient.agreementPurposes).contains(request.purpose())) {
            throw ProblemException.unprocessable("outside-agreement", "The agreement with '" + recipient.key.id()
                    + "' (" + recipient.agreementReference + ") does not allow purpose '" + request.purpose() + "'.");
        }
    }

    private Uni<DisclosureView> store(String tenant, Entry request) {
        boolean authority = "authority_request".equals(request.basis());
        Disclosure d = new Disclosure();
        d.id = UUID.randomUUID();
        d.tenant = tenant;
        d.subjectKey = subjectKeys.of(tenant, request.subjectId());
        d.recipientId = request.recipientId();
        d.categories = request.categories().stream().distinct().toArray(String[]::new);
        d.basis = request.basis();
        d.disclosedAt = request.disclosedAt().truncatedTo(ChronoUnit.MICROS);
        d.authorityAgency = authority ? request.authorityAgency() : null;
        d.authorityLegalBasis = authority ? request.authorityLegalBasis() : null;
        d.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        d.purpose = request.purpose();
        DisclosureData data = new DisclosureData(d.id.toString(), d.recipientId, List.of(d.categories), d.basis,
                d.disclosedAt, d.authorityAgency, d.authorityLegalBasis, d.purpose);
        return vault.cipher(tenant, d.subjectKey)
                .invoke(cipher -> d.subjectIdSealed = cipher.seal(request.subjectId()))
                .flatMap(cipher -> disclosures.persist(d))
                .call(saved -> outbox.publish(Topics.DSR, EventTypes.DISCLOSURE_RECORDED, tenant, d.subjectKey, data))
                .call(saved -> disclosurePolicies.findById(tenant).flatMap(policy ->
                        policy == null || !policy.tellSubject ? Uni.createFrom().voidItem()
                                : outbox.publish(Topics.DSR, EventTypes.DSR_DISCLOSURE_NOTICE, tenant, d.subjectKey,
                                data).replaceWithVoid()))
                .map(DisclosureLedger::view);
    }

    @WithSession
    public Uni<List<DisclosureView>> forSubject(String tenant, String subjectId, int page, int size) {
        String subjectKey = subjectKeys.of(tenant, subjectId);
        return disclosures.forSubject(tenant, subjectKey, page, size)
                .map(list -> list.stream().map(DisclosureLedger::view).toList())
                .call(() -> staffReads.record(Topics.DSR, EventTypes.DSR_STAFF_ACCESS, tenant, subjectKey, "read-disclosures"));
    }

    public static DisclosureView view(Disclosure d) {
        return new DisclosureView(d.id, d.recipientId, List.of(d.categories), d.basis, d.disclosedAt,
                d.authorityAgency, d.authorityLegalBasis, d.recordedAt, d.purpose);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
