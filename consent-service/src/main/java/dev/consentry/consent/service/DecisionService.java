package dev.consentry.consent.service;

import dev.consentry.consent.model.Purpose;
import dev.consentry.consent.repository.ConsentRecordRepository;
import dev.consentry.consent.repository.PurposeRepository;
import dev.consentry.consent.rest.dto.ConsentModeView;
import dev.consentry.consent.rest.dto.DecisionView;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.subject.SubjectKeys;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision API, the storefronts' hot path: per purpose, for many purposes, as of a past instant (C4), and in
 * Google Consent Mode v2 terms (C11). Reads the records written in earlier, committed transactions, so a decision
 * asked right after a withdrawal returned is deny.
 */
@ApplicationScoped
public class DecisionService {

    static final List<String> CONSENT_MODE_TYPES = List.of("ad_storage", "analytics_storage", "ad_user_data",
            "ad_personalization");

    private final PurposeRepository purposes;
    private final ConsentRecordRepository records;
    private final SubjectKeys subjectKeys;
    private final PurposeCatalogue catalogue;

    public DecisionService(PurposeRepository purposes, ConsentRecordRepository records, SubjectKeys subjectKeys,
                           PurposeCatalogue catalogue) {
        this.catalogue = catalogue;
        this.purposes = purposes;
        this.records = records;
        this.subjectKeys = subjectKeys;
    }

    @WithSession
    public Uni<DecisionView> decide(String tenant, String subjectId, String purposeId, Instant asOf) {
        Instant at = instant(asOf);
        return catalogue.find(tenant, purposeId).flatMap(purpose -> {
            if (purpose == null) {
                throw ProblemException.notFound("Purpose '" + purposeId + "' is not in this shop's catalogue.");
            }
            return decide(tenant, subjectId, purpose, at);
        });
    }

    /** Decisions for {@code purposeIds}, or for the whole catalogue when it is empty. */
    @WithSession
    public Uni<List<DecisionView>> decideAll(String tenant, String subjectId, List<String> purposeIds, Instant asOf) {
        Instant at = instant(asOf);
        return purposes.listForTenant(tenant).flatMap(catalogue -> {
            List<Purpose> wanted = purposeIds.isEmpty() ? catalogue : purposeIds.stream().distinct()
                    .map(id -> catalogue.stream().filter(p -> p.key.id().equals(id)).findFirst()
                            .orElseThrow(() -> ProblemException.notFound(
                                    "Purpose '" + id + "' is not in this shop's catalogue.")))
                    .toList();
            return Multi.createFrom().iterable(wanted)
                    .onItem().transformToUniAndConcatenate(p -> decide(tenant, subjectId, p, at))
                    .collect().asList();
        });
    }

    /** Each Consent Mode type is granted only if purposes map to it and all of them are allowed. */
    @WithSession
    public Uni<ConsentModeView> consentMode(String tenant, String subjectId, Instant asOf) {
        Instant at = instant(asOf);
        return purposes.listForTenant(tenant).flatMap(catalogue -> Multi.createFrom().iterable(catalogue)
                .filter(p -> p.consentModeTypes.length > 0)
                .onItem().transformToUniAndConcatenate(p -> decide(tenant, subjectId, p, at)
                        .map(d -> Map.entry(p, d.allowed())))
                .collect().asList()
                .map(decisions -> {
                    Map<String, String> mode = new LinkedHashMap<>();
                    for (String type : CONSENT_MODE_TYPES) {
                        List<Boolean> mapped = decisions.stream()
                                .filter(e -> List.of(e.getKey().consentModeTypes).contains(type))
                                .map(Map.Entry::getValue).toList();
                        boolean granted = !mapped.isEmpty() && mapped.stream().allMatch(Boolean::booleanValue);
                        mode.put(type, granted ? "granted" : "denied");
                    }
                    return new ConsentModeView(subjectId, at, mode);
                }));
    }

    private Uni<DecisionView> decide(String tenant, String subjectId, Purpose purpose, Instant at) {
        if (!purpose.needsConsent()) {
            return Uni.createFrom().item(DecisionRules.decide(subjectId, purpose, null, at));
        }
        return records.latestAsOf(tenant, subjectKeys.of(tenant, subjectId), purpose.key.id(), at)
                .map(latest -> DecisionRules.decide(subjectId, purpose, latest, at));
    }

    private static Instant instant(Instant asOf) {
        Instant now = Instant.now();
        if (asOf == null) {
            return now;
        }
        if (asOf.isAfter(now)) {
            throw ProblemException.badRequest("as-of-in-future", "asOf must not be in the future.");
        }
        return asOf;
    }
}
