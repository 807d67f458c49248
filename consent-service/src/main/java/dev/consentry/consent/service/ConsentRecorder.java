package dev.consentry.consent.service;

import dev.consentry.consent.model.ConsentRecord;
import dev.consentry.consent.model.Purpose;
import dev.consentry.consent.repository.ConsentRecordRepository;
import dev.consentry.consent.repository.PurposeRepository;
import dev.consentry.consent.service.view.RecordedConsents;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.subject.SubjectKeys;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records what a subject decided: a form (one record per purpose, C1), a withdrawal (C6), and the opt-out of a GPC
 * signal (C11), which may withdraw or refuse but never grant (C2). Each call is one transaction: all records and their
 * events, or nothing.
 */
@ApplicationScoped
public class ConsentRecorder {

    private final PurposeRepository purposes;
    private final ConsentRecordRepository records;
    private final ConsentLedger ledger;
    private final SubjectKeys subjectKeys;
    private final PurposeCatalogue known;
    private final Clock clock;

    public ConsentRecorder(PurposeRepository purposes, ConsentRecordRepository records, ConsentLedger ledger,
                           SubjectKeys subjectKeys, PurposeCatalogue known, Clock clock) {
        this.known = known;
        this.clock = clock;
        this.purposes = purposes;
        this.records = records;
        this.ledger = ledger;
        this.subjectKeys = subjectKeys;
    }

    /** A decision on one purpose: given, refused or withdrawn. */
    public record Choice(String purposeId, String decision) {
    }

    /**
     * One submitted form: a choice per purpose, the evidence they share, and what the rules on pre-ticked boxes and
     * minors need (C2, C9).
     */
    public record Submission(String subjectId, List<Choice> choices, Evidence evidence, boolean preChecked,
                             Integer subjectAge, String jurisdiction, Boolean childAgrees) {
    }

    @WithTransaction
    public Uni<RecordedConsents> record(String tenant, Submission form, boolean gpc) {
        Evidence evidence = form.evidence();
        requireValid(form, evidence);
        String subjectKey = subjectKeys.of(tenant, form.subjectId());
        Instant now = now();
        // the form's purposes come from the in-memory catalogue; only a GPC signal needs the whole list
        Uni<List<Purpose>> formPurposes = Multi.createFrom().iterable(form.choices())
                .onItem().transformToUniAndConcatenate(d -> known.find(tenant, d.purposeId())
                        .map(p -> p != null ? p : unknownPurpose(d.purposeId())))
                .collect().asList();
        Uni<List<Purpose>> wholeCatalogue = gpc ? purposes.listForTenant(tenant) : Uni.createFrom().item(List.of());
        return formPurposes.flatMap(inForm -> wholeCatalogue.flatMap(catalogue -> {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < inForm.size(); i++) {
                Choice d = form.choices().get(i);
                Purpose purpose = inForm.get(i);
                boolean optedOut = gpc && purpose.saleOrSharing && "given".equals(d.decision());
                steps.add(new Step(purpose.key.id(), optedOut ? "refused" : d.decision(),
                        optedOut ? evidence.withGpcSignal() : evidence));
            }
            Uni<List<Step>> gpcWithdrawals = gpc
                    ? standingConsents(tenant, subjectKey, catalogue.stream()
                    .filter(p -> p.saleOrSharing && steps.stream().noneMatch(s -> s.purposeId.equals(p.key.id())))
                    .toList())
                    .map(given -> given.stream().map(r -> new Step(r.purposeId, "withdrawn", evidence.withGpcSignal()))
                            .toList())
                    : Uni.createFrom().item(List.of());
            return gpcWithdrawals.flatMap(extra -> {
                steps.addAll(extra);
                return append(tenant, subjectKey, steps, now)
                        .map(recorded -> new RecordedConsents(form.subjectId(), recorded, gpc));
            });
        }));
    }

    @WithTransaction
    public Uni<RecordedConsents> withdraw(String tenant, String subjectId, List<String> purposeIds, Evidence evidence) {
        if (evidence.needsProof() && evidence.actorProof() == null) {
            throw ProblemException.badRequest("actor-proof-missing", "A guardian or agent acts with recorded proof (actorProof).");
        }
        String subjectKey = subjectKeys.of(tenant, subjectId);
        return purposes.listForTenant(tenant).flatMap(catalogue -> {
            Uni<List<String>> targets;
            if (purposeIds == null) {
                targets = standingConsents(tenant, subjectKey, catalogue.stream().filter(Purpose::needsConsent).toList())
                        .map(given -> given.stream().map(r -> r.purposeId).toList());
            } else {
                purposeIds.forEach(id -> find(catalogue, id));
                targets = Uni.createFrom().item(purposeIds.stream().distinct().toList());
            }
            return targets.flatMap(ids -> append(tenant, subjectKey,
                    ids.stream().map(id -> new Step(id, "withdrawn", evidence)).toList(), now()))
                    .map(recorded -> new RecordedConsents(subjectId, recorded, false));
        });
    }

    /** The records among {@code candidates} whose current decision is "given". */
    private Uni<List<ConsentRecord>> standingConsents(String tenant, String subjectKey, List<Purpose> candidates) {
        Instant now = clock.instant();
        return Multi.createFrom().iterable(candidates)
                .onItem().transformToUniAndConcatenate(p -> records.latestAsOf(tenant, subjectKey, p.key.id(), now))
                .filter(r -> r != null && "given".equals(r.decision))
                .collect().asList();
    }

    private Uni<List<RecordedConsents.Recorded>> append(String tenant, String subjectKey, List<Step> steps, Instant at) {
        return ledger.appendAll(tenant, steps.stream()
                        .map(s -> new ConsentLedger.Entry(subjectKey, s.purposeId, s.decision, s.evidence, at)).toList())
                .map(recorded -> recorded.stream()
                        .map(r -> new RecordedConsents.Recorded(r.id, r.purposeId, r.decision, r.decidedAt)).toList());
    }

    private static Purpose find(List<Purpose> catalogue, String purposeId) {
        return catalogue.stream().filter(p -> p.key.id().equals(purposeId)).findFirst()
                .orElseGet(() -> unknownPurpose(purposeId));
    }

    private static Purpose unknownPurpose(String purposeId) {
        throw ProblemException.unprocessable("unknown-purpose",
                "Purpose '" + purposeId + "' is not in this shop's catalogue.");
    }

    private static void requireValid(Submission form, Evidence evidence) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = form.choices().stream().map(Choice::purposeId)
                .filter(id -> !seen.add(id)).distinct().toList();
        if (!duplicates.isEmpty()) {
            throw ProblemException.badRequest("duplicate-purpose",
                    "Each purpose may appear once per form; repeated: " + String.join(", ", duplicates) + ".");
        }
        if (form.preChecked() && form.choices().stream().anyMatch(d -> "given".equals(d.decision()))) {
            throw ProblemException.unprocessable("pre-checked-box",
                    "A pre-ticked box is not consent: the subject must tick it themselves. Nothing was recorded.");
        }
        if (evidence.needsProof() && evidence.actorProof() == null) {
            throw ProblemException.badRequest("actor-proof-missing", "A guardian or agent acts with recorded proof (actorProof).");
        }
        if (form.subjectAge() != null && form.jurisdiction() == null) {
            throw ProblemException.badRequest("jurisdiction-missing", "subjectAge needs the subject's jurisdiction.");
        }
        if (form.choices().stream().anyMatch(d -> "given".equals(d.decision()))) {
            MinorsPolicy.requireValidConsent(form.subjectAge(), form.jurisdiction(), evidence, form.childAgrees());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Step(String purposeId, String decision, Evidence evidence) {
    }
}
