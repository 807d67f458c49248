package dev.consentry.consent.service;

import dev.consentry.consent.model.LatestDecision;
import dev.consentry.consent.model.Purpose;
import dev.consentry.consent.repository.LatestDecisionReader;
import dev.consentry.consent.repository.PurposeRepository;
import dev.consentry.consent.service.view.ConsentModeView;
import dev.consentry.consent.service.view.DecisionView;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.subject.SubjectKeys;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision API, the storefronts' hot path: per purpose, for many purposes, as of a past instant (C4), and in
 * Google Consent Mode v2 terms (C11). Reads the records written in earlier, committed transactions, so a decision
 * asked right after a withdrawal returned is deny. Purposes come from the in-memory catalogue, records from one
 * prepared statement per request ({@link LatestDecisionReader}).
 */
@ApplicationScoped
public class DecisionService {

    static final List<String> CONSENT_MODE_TYPES = List.of("ad_storage", "analytics_storage", "ad_user_data",
            "ad_personalization");

    private final PurposeRepository purposes;
    private final LatestDecisionReader latest;
    private final SubjectKeys subjectKeys;
    private final PurposeCatalogue catalogue;
    private final Clock clock;

    public DecisionService(PurposeRepository purposes, LatestDecisionReader latest, SubjectKeys subjectKeys,
                           PurposeCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.purposes = purposes;
        this.latest = latest;
        this.subjectKeys = subjectKeys;
    }

    public Uni<DecisionView> decide(String tenant, String subjectId, String purposeId, Instant asOf) {
        Instant at = instant(asOf);
        return known(tenant, purposeId).flatMap(purpose -> {
            if (!purpose.needsConsent()) {
                return Uni.createFrom().item(DecisionRules.decide(subjectId, purpose, null, at));
            }
            return latest.latest(tenant, subjectKeys.of(tenant, subjectId), purposeId, at)
                    .map(record -> DecisionRules.decide(subjectId, purpose, record, at));
        });
    }

    /**
     * {@link #decide(String, String, String, Instant)} for the lookup route: a purpose already in memory is decided
     * with one statement and no Mutiny step between the request and the answer (each costs a context capture); the
     * first lookup of a purpose, and one the shop does not have, take the general path.
     */
    public Future<DecisionView> lookup(String tenant, String subjectId, String purposeId, Instant asOf) {
        Instant at = instant(asOf);
        Purpose purpose = catalogue.cached(tenant, purposeId);
        if (purpose == null) {
            return Future.fromCompletionStage(decide(tenant, subjectId, purposeId, at).subscribeAsCompletionStage());
        }
        if (!purpose.needsConsent()) {
            return Future.succeededFuture(DecisionRules.decide(subjectId, purpose, null, at));
        }
        return latest.inForce(tenant, subjectKeys.of(tenant, subjectId), purposeId, at)
                .map(record -> DecisionRules.decide(subjectId, purpose, record, at));
    }

    /** Decisions for {@code purposeIds}, or for the whole catalogue when it is empty. */
    public Uni<List<DecisionView>> decideAll(String tenant, String subjectId, List<String> purposeIds, Instant asOf) {
        Instant at = instant(asOf);
        Uni<List<Purpose>> wanted = purposeIds.isEmpty() ? purposes.listForTenant(tenant)
                : Multi.createFrom().iterable(purposeIds.stream().distinct().toList())
                        .onItem().transformToUniAndConcatenate(id -> known(tenant, id))
                        .collect().asList();
        return wanted.flatMap(list -> decide(tenant, subjectId, list, at));
    }

    /** Each Consent Mode type is granted only if purposes map to it and all of them are allowed. */
    public Uni<ConsentModeView> consentMode(String tenant, String subjectId, Instant asOf) {
        Instant at = instant(asOf);
        return purposes.listForTenant(tenant)
                .map(all -> all.stream().filter(p -> p.consentModeTypes.length > 0).toList())
                .flatMap(mapped -> decide(tenant, subjectId, mapped, at).map(decisions -> {
                    Map<String, String> mode = new LinkedHashMap<>();
                    for (String type : CONSENT_MODE_TYPES) {
                        List<Boolean> allowed = new ArrayList<>();
                        for (int i = 0; i < mapped.size(); i++) {
                            if (List.of(mapped.get(i).consentModeTypes).contains(type)) {
                                allowed.add(decisions.get(i).allowed());
                            }
                        }
                        boolean granted = !allowed.isEmpty() && allowed.stream().allMatch(Boolean::booleanValue);
                        mode.put(type, granted ? "granted" : "denied");
                    }
                    return new ConsentModeView(subjectId, at, mode);
                }));
    }

    /** The purpose from the in-memory catalogue; a 404 problem when the shop has no such purpose. */
    private Uni<Purpose> known(String tenant, String purposeId) {
        return catalogue.find(tenant, purposeId).map(purpose -> {
            if (purpose == null) {
                throw ProblemException.notFound("Purpose '" + purposeId + "' is not in this shop's catalogue.");
            }
            return purpose;
        });
    }

    /** Decisions for {@code wanted}, in its order, from one read of the records in force. */
    private Uni<List<DecisionView>> decide(String tenant, String subjectId, List<Purpose> wanted, Instant at) {
        List<String> needingConsent = wanted.stream().filter(Purpose::needsConsent).map(p -> p.key.id()).toList();
        Uni<Map<String, LatestDecision>> records = needingConsent.isEmpty() ? Uni.createFrom().item(Map.of())
                : latest.latest(tenant, subjectKeys.of(tenant, subjectId), needingConsent, at);
        return records.map(inForce -> wanted.stream()
                .map(p -> DecisionRules.decide(subjectId, p, inForce.get(p.key.id()), at)).toList());
    }

    private Instant instant(Instant asOf) {
        Instant now = clock.instant();
        if (asOf == null) {
            return now;
        }
        if (asOf.isAfter(now)) {
            throw ProblemException.badRequest("as-of-in-future", "asOf must not be in the future.");
        }
        return asOf;
    }
}
