package dev.consentry.dsr.service.governance;

import dev.consentry.dsr.model.PurposeTerms;
import dev.consentry.dsr.rest.dto.DisclosureRequest;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;

/**
 * R14: a disclosure on the basis of consent is recorded only while a consent covering the recipient is in force at
 * its date. What a consent covers (the recipients a purpose's terms name) and every decision with its time are learnt
 * from consent-service's events, never asked for synchronously; a disclosure dated before a withdrawal stays
 * acceptable. Runs in the caller's session.
 */
@ApplicationScoped
public class ConsentCoverage {

    public Uni<Void> check(String tenant, String subjectKey, DisclosureRequest request) {
        if (!"consent".equals(request.basis())) {
            return Uni.createFrom().voidItem();
        }
        return PurposeTerms.<PurposeTerms>list("key.tenant = ?1", tenant).flatMap(terms -> {
            String[] covering = terms.stream()
                    .filter(t -> Arrays.asList(t.recipients).contains(request.recipientId()))
                    .filter(t -> request.purpose() == null || t.key.purposeId().equals(request.purpose()))
                    .map(t -> t.key.purposeId()).toArray(String[]::new);
            if (covering.length == 0) {
                throw ProblemException.unprocessable("no-consent-in-force", "No purpose of this shop"
                        + (request.purpose() == null ? "" : " ('" + request.purpose() + "')") + " names recipient '"
                        + request.recipientId() + "' in its terms: no consent can cover this disclosure.");
            }
            return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                            SELECT DISTINCT ON (purpose_id) decision FROM subject_consent_event
                            WHERE tenant = ?1 AND subject_key = ?2 AND purpose_id = ANY(?3) AND decided_at <= ?4
                            ORDER BY purpose_id, decided_at DESC""", String.class)
                    .setParameter(1, tenant).setParameter(2, subjectKey).setParameter(3, covering)
                    .setParameter(4, request.disclosedAt())
                    .getResultList())
                    .invoke(decisions -> {
                        if (!decisions.contains("given")) {
                            throw ProblemException.unprocessable("no-consent-in-force", "The customer had no consent in "
                                    + "force at disclosedAt covering recipient '" + request.recipientId() + "' (purposes "
                                    + String.join(", ", List.of(covering)) + ").");
                        }
                    })
                    .replaceWithVoid();
        });
    }
}
