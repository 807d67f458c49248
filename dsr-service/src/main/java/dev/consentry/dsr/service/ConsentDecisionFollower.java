package dev.consentry.dsr.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.dsr.config.DsrConfig;
import dev.consentry.dsr.model.PurposeTerms;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.repository.DisclosureRepository;
import dev.consentry.dsr.repository.PurposeTermsRepository;
import dev.consentry.dsr.repository.SubjectConsentRepository;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.data.ConsentDecisionData;
import dev.consentry.events.data.PurposeDefinedData;
import dev.consentry.platform.messaging.IdempotentConsumer;
import dev.consentry.platform.messaging.PoisonEventException;
import dev.consentry.platform.vault.SubjectVault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Consent decisions announced by consent-service (C6): keeps every decision with its time, the latest per purpose
 * being the one in force (for access packages, retention rules and disclosures' checks), and passes a withdrawal on to
 * every recipient that received the subject's data and processes it for that purpose, as a consent_withdrawal request
 * with its notices and deadline. Runs in the consumer's transaction.
 * <p>
 * Applying an event again changes nothing, so the consumer keeps no row per event (a decision is kept once per
 * subject, purpose and time, a purpose's terms are learnt once) — except a withdrawal, whose notices go out once: its
 * id is recorded in {@code processed_event} under {@link #CONSUMER}, the name under which the previous release
 * recorded every event, so replicas of both releases agree during a rollout.
 */
@ApplicationScoped
public class ConsentDecisionFollower {

    private static final Map<String, String> DECISIONS = Map.of(
            EventTypes.CONSENT_GIVEN, "given", EventTypes.CONSENT_REFUSED, "refused",
            EventTypes.CONSENT_WITHDRAWN, "withdrawn", EventTypes.CONSENT_EXPIRED, "expired");

    /** How far ahead of this service's clock a producer's clock may run. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final SubjectConsentRepository consents;
    private final DisclosureRepository disclosures;
    private final SubjectVault vault;
    private final NoticePlanner planner;
    private final RequestIntake intake;
    private final String jurisdiction;
    private final Clock clock;
    private final PurposeTermsRepository purposeTerms;

    public ConsentDecisionFollower(SubjectConsentRepository consents, DisclosureRepository disclosures, SubjectVault vault,
                          NoticePlanner planner, RequestIntake intake, DsrConfig config, Clock clock,
                                   PurposeTermsRepository purposeTerms) {
        this.purposeTerms = purposeTerms;
        this.clock = clock;
        this.consents = consents;
        this.disclosures = disclosures;
        this.vault = vault;
        this.planner = planner;
        this.intake = intake;
        this.jurisdiction = config.defaultJurisdiction();
    }

    /** The consumer name under which a withdrawal passed on is recorded in {@code processed_event}. */
    public static final String CONSUMER = "consent-events";

    public Uni<Void> apply(CloudEvent event) {
        return applyAll(List.of(event));
    }

    /**
     * As {@link #apply}, for an event whose id the caller has recorded under {@link #CONSUMER} in this transaction
     * already (an operator's re-drive of a dead letter): a withdrawal is passed on without recording it again.
     */
    public Uni<Void> applyRecorded(CloudEvent event) {
        return applyAll(List.of(event), false);
    }

    /**
     * Applies a batch in order: the decisions between two events with effects of their own (a withdrawal passed on,
     * a purpose's terms learnt) are kept together with a few multi-row statements. A withdrawal applied before (a
     * redelivery) is not passed on again.
     */
    public Uni<Void> applyAll(List<CloudEvent> events) {
        return applyAll(events, true);
    }

    private Uni<Void> applyAll(List<CloudEvent> events, boolean recordWithdrawals) {
        Uni<Void> applied = Uni.createFrom().voidItem();
        List<SubjectConsentRepository.Decision> pending = new ArrayList<>();
        for (CloudEvent event : events) {
            if (EventTypes.PURPOSE_DEFINED.equals(event.type())) {
                List<SubjectConsentRepository.Decision> before = List.copyOf(pending);
                pending.clear();
                applied = applied.flatMap(v -> consents.keepAll(before)).flatMap(v -> learnTerms(event));
                continue;
            }
            String decision = DECISIONS.get(event.type());
            if (decision == null) {
                continue; // notices published, renewals: nothing for the dsr-service to do
            }
            pending.add(decisionOf(event, decision));
            if ("withdrawn".equals(decision)) {
                List<SubjectConsentRepository.Decision> upToThis = List.copyOf(pending);
                pending.clear();
                String purposeId = upToThis.get(upToThis.size() - 1).purposeId();
                applied = applied.flatMap(v -> consents.keepAll(upToThis))
                        .flatMap(v -> recordWithdrawals ? IdempotentConsumer.firstDelivery(CONSUMER, event.id())
                                : Uni.createFrom().item(true))
                        .flatMap(first -> first ? passOnWithdrawal(event.tenant(), event.subjectkey(), purposeId)
                                : Uni.createFrom().voidItem());
            }
        }
        List<SubjectConsentRepository.Decision> rest = List.copyOf(pending);
        return applied.flatMap(v -> consents.keepAll(rest));
    }

    /**
     * The decision an event announces; every decision is kept with its time, since a disclosure is checked against
     * the one in force at its date (R14).
     */
    private SubjectConsentRepository.Decision decisionOf(CloudEvent event, String decision) {
        if (event.subjectkey() == null) {
            throw new PoisonEventException("consent event without subjectkey");
        }
        ConsentDecisionData data = parse(event);
        if (data.decidedAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            // a decision from the future would hide every real decision until then
            throw new PoisonEventException("consent decision dated in the future");
        }
        return new SubjectConsentRepository.Decision(event.tenant(), event.subjectkey(), data.purposeId(), decision,
                data.decidedAt(), data.noticeVersion());
    }

    /** R14: the recipients a consent to the purpose covers. Purposes never change; a repeat is ignored. */
    private Uni<Void> learnTerms(CloudEvent event) {
        PurposeDefinedData data;
        try {
            data = EventContract.mapper().treeToValue(event.data(), PurposeDefinedData.class);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("purpose terms do not match their schema");
        }
        if (data.purposeId() == null || data.recipients() == null || data.definedAt() == null || data.legalBasis() == null) {
            throw new PoisonEventException("purpose terms without purposeId, legalBasis, recipients or definedAt");
        }
        PurposeTerms.Key key = new PurposeTerms.Key(event.tenant(), data.purposeId());
        return purposeTerms.findById(key).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            PurposeTerms terms = new PurposeTerms();
            terms.key = key;
            terms.legalBasis = data.legalBasis();
            terms.recipients = data.recipients().stream().distinct().toArray(String[]::new);
            terms.definedAt = data.definedAt();
            try {
                terms.names = EventContract.mapper().writeValueAsString(data.names() == null ? java.util.Map.of() : data.names());
                terms.descriptions = EventContract.mapper().writeValueAsString(
                        data.descriptions() == null ? java.util.Map.of() : data.descriptions());
            } catch (JsonProcessingException e) {
                throw new PoisonEventException("purpose names are not text");
            }
            return purposeTerms.persist(terms).replaceWithVoid();
        });
    }

    /** Only recipients that received the subject's data can be told, so the subject id comes from the ledger. */
    private Uni<Void> passOnWithdrawal(String tenant, String subjectKey, String purposeId) {
        return disclosures.forSubject(tenant, subjectKey).flatMap(ledger -> {
            List<String> sealed = ledger.stream().map(d -> d.subjectIdSealed).filter(Objects::nonNull).toList();
            if (sealed.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return vault.existing(tenant, subjectKey).flatMap(cipher -> {
                Optional<String> subjectId = cipher.flatMap(c -> c.open(sealed.get(0)));
                if (subjectId.isEmpty()) {
                    return Uni.createFrom().voidItem(); // erased since: nothing left to pass on
                }
                SubjectRequest form = new SubjectRequest(RequestType.CONSENT_WITHDRAWAL, subjectId.get(), jurisdiction,
                        null, null, List.of(purposeId), null, null);
                return planner.plan(tenant, subjectKey, form, null).flatMap(plan -> plan.addressees().isEmpty()
                        ? Uni.createFrom().voidItem()
                        : intake.file(tenant, RequestIntake.CONSENT_SIGNAL, form).replaceWithVoid());
            });
        });
    }

    private static ConsentDecisionData parse(CloudEvent event) {
        try {
            ConsentDecisionData data = EventContract.mapper().treeToValue(event.data(), ConsentDecisionData.class);
            if (data.purposeId() == null || data.decidedAt() == null) {
                throw new PoisonEventException("consent decision without purposeId or decidedAt");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("consent decision data does not match its schema");
        }
    }
}
