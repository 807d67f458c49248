package dev.consentry.dsr.service.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.LegalHold;
import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.dsr.model.Recipient;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.model.RetentionRule;
import dev.consentry.dsr.repository.DisclosureRepository;
import dev.consentry.dsr.repository.PartnerNoticeRepository;
import dev.consentry.dsr.repository.RecipientRepository;
import dev.consentry.dsr.repository.SubjectConsentRepository;
import dev.consentry.dsr.service.DisclosureLedger;
import dev.consentry.dsr.service.LegalHolds;
import dev.consentry.dsr.service.RequestQueries;
import dev.consentry.dsr.service.governance.PrivacyContacts;
import dev.consentry.dsr.service.retention.RetentionRules;
import dev.consentry.dsr.service.retention.Triggers;
import dev.consentry.dsr.service.view.AccessPackage;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.StaffReads;
import dev.consentry.platform.vault.SubjectCipher;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Assembles the package of a completed access or portability request (R7) from the recipients' sealed replies, the
 * disclosure ledger, the tenant's legal holds and the subject's consents. Nothing of it is stored in the clear.
 */
@ApplicationScoped
public class AccessPackages {

    private static final Set<RequestStatus> DONE = RequestStatus.DONE;

    private final RequestQueries queries;
    private final PartnerNoticeRepository notices;
    private final RecipientRepository recipients;
    private final DisclosureRepository disclosures;
    private final LegalHolds holds;
    private final RetentionRules rules;
    private final PrivacyContacts contacts;
    private final SubjectConsentRepository consents;
    private final SubjectVault vault;
    private final StaffReads staffReads;
    private final Clock clock;

    public AccessPackages(RequestQueries queries, PartnerNoticeRepository notices, RecipientRepository recipients,
                          DisclosureRepository disclosures, LegalHolds holds, RetentionRules rules,
                          PrivacyContacts contacts, SubjectConsentRepository consents,
                          SubjectVault vault, StaffReads staffReads,
                          Clock clock) {
        this.clock = clock;
        this.staffReads = staffReads;
        this.queries = queries;
        this.notices = notices;
        this.recipients = recipients;
        this.disclosures = disclosures;
        this.holds = holds;
        this.rules = rules;
        this.contacts = contacts;
        this.consents = consents;
        this.vault = vault;
    }

    /** The package; {@code subjectKey} set means the caller is the subject and sees only their own requests. */
    @WithSession
    public Uni<AccessPackage> assemble(String tenant, UUID requestId, String subjectKey) {
        return queries.visible(tenant, requestId, subjectKey).flatMap(r -> {
            if (!RequestType.ACCESS.equals(r.type) && !RequestType.PORTABILITY.equals(r.type)) {
                throw ProblemException.conflict("no-package", "Only access and portability requests have a package.");
            }
            if (!DONE.contains(r.status)) {
                throw ProblemException.conflict("package-not-ready",
                        "The package is ready once every recipient has answered (status: " + r.status.wire() + ").");
            }
            return vault.existing(tenant, r.subjectKey).flatMap(cipher -> {
                SubjectCipher c = cipher.orElseThrow(() -> ProblemException.conflict("package-erased",
                        "The subject's data was erased since; the package no longer exists."));
                return assemble(r, c);
            }).call(() -> staffReads.record(Topics.DSR, EventTypes.DSR_STAFF_ACCESS, tenant, r.subjectKey,
                    "read-access-package"));
        });
    }

    private Uni<AccessPackage> assemble(DsrRequest r, SubjectCipher cipher) {
        return notices.forRequest(r).flatMap(answered -> recipients.listForTenant(r.tenant).flatMap(registry ->
                disclosures.forSubject(r.tenant, r.subjectKey).flatMap(ledger ->
                        holds.forTenant(r.tenant).flatMap(held -> rules.forTenant(r.tenant).flatMap(kept ->
                                contacts.of(r.tenant).flatMap(controller ->
                                consents.inForce(r.tenant, r.subjectKey).map(decisions -> {
            Map<String, Recipient> byId = registry.stream().collect(Collectors.toMap(x -> x.key.id(), Function.identity()));
            List<AccessPackage.SystemAnswer> systems = answered.stream()
                    .map(n -> answer(n, byId.get(n.recipientId), cipher)).toList();
            return new AccessPackage(r.id, r.type.wire(), cipher.open(r.subjectIdSealed).orElse(null), r.receivedAt,
                    r.completedAt, clock.instant().truncatedTo(ChronoUnit.SECONDS), systems,
                    ledger.stream().map(DisclosureLedger::view).toList(),
                    retention(held, kept),
                    decisions.stream().map(d -> new AccessPackage.ConsentState(d.purposeId(), d.decision(),
                            d.decidedAt(), d.noticeVersion())).toList(), controller.orElse(null));
        })))))));
    }

    /** The legal holds, then each retention rule per category. */
    private static List<AccessPackage.Retention> retention(List<LegalHold> held, List<RetentionRule> kept) {
        List<AccessPackage.Retention> retention = new ArrayList<>();
        held.forEach(h -> retention.add(new AccessPackage.Retention(h.key.category(), h.reason, h.retain,
                Triggers.HOLD_PLACED, "erase")));
        kept.forEach(rule -> Arrays.stream(rule.categories).forEach(c -> retention.add(new AccessPackage.Retention(c,
                rule.legalBasis, rule.period, rule.trigger, rule.action))));
        return retention;
    }

    private static AccessPackage.SystemAnswer answer(PartnerNotice n, Recipient recipient, SubjectCipher cipher) {
        JsonNode data = cipher.open(n.replyDataSealed).map(AccessPackages::json).orElse(null);
        return new AccessPackage.SystemAnswer(n.recipientId, recipient == null ? n.recipientId : recipient.name,
                recipient == null ? null : recipient.kind,
                recipient == null ? List.of() : List.of(recipient.dataCategories),
                recipient == null ? List.of() : List.of(recipient.purposes),
                n.outcome == null ? "no_answer" : n.outcome, cipher.open(n.reasonSealed).orElse(null), data);
    }

    private static JsonNode json(String s) {
        try {
            return EventContract.mapper().readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored access data is not JSON", e);
        }
    }
}
