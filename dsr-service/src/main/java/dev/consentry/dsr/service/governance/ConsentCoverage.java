package dev.consentry.dsr.service.governance;

import dev.consentry.dsr.repository.PurposeTermsRepository;
import dev.consentry.dsr.repository.SubjectConsentRepository;
import dev.consentry.dsr.service.DisclosureLedger;
import dev.consentry.platform.problem.ProblemException;
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

    private final PurposeTermsRepository purposeTerms;
    private final SubjectConsentRepository consents;

    public ConsentCoverage(PurposeTermsRepository purposeTerms, SubjectConsentRepository consents) {
        this.purposeTerms = purposeTerms;
        this.consents = consents;
    }

    public Uni<Void> check(String tenant, String subjectKey, DisclosureLedger.Entry request) {
        if (!"consent".equals(request.basis())) {
            return Uni.createFrom().voidItem();
        }
        return purposeTerms.list("key.tenant = ?1", tenant).flatMap(terms -> {
            String[] covering = terms.stream()
                    .filter(t -> Arrays.asList(t.recipients).contains(request.recipientId()))
                    .filter(t -> request.purpose() == null || t.key.purposeId().equals(request.purpose()))
                    .map(t -> t.key.purposeId()).toArray(String[]::new);
            if (covering.length == 0) {
                throw ProblemException.unprocessable("no-consent-in-force", "No purpose of this shop"
                        + (request.purpose() == null ? "" : " ('" + request.purpose() + "')") + " names recipient '"
                        + request.recipientId() + "' in its terms: no consent can cover this disclosure.");
            }
            return consents.decisionsInForceAt(tenant, subjectKey, covering, request.disclosedAt())
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
