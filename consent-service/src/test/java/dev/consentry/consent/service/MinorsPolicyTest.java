package dev.consentry.consent.service;

import dev.consentry.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MinorsPolicyTest {

    private static Evidence by(String actor, String proof) {
        return new Evidence("checkbox", "web", "signup", null, null, null, actor, proof, null);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"VN, 16", "KR, 14", "US, 13", "EU, 16", "EU-FR, 15", "EU-BE, 13", "EU-DE, 16"})
    void C9_ageThresholdPerJurisdiction(String jurisdiction, int age) {
        assertEquals(age, MinorsPolicy.threshold(jurisdiction));
    }

    @Test
    void C9_belowTheThresholdTheChildAloneCannotConsent() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> MinorsPolicy.requireValidConsent(13, "KR", by("subject", null), null));
        assertEquals(422, e.problem().status());
        assertDoesNotThrow(() -> MinorsPolicy.requireValidConsent(14, "KR", by("subject", null), null));
    }

    @Test
    void C9_guardianNeedsRecordedProof() {
        assertThrows(ProblemException.class, () -> MinorsPolicy.requireValidConsent(10, "US", by("guardian", null), null));
        assertDoesNotThrow(() -> MinorsPolicy.requireValidConsent(10, "US", by("guardian", "id-check-42"), null));
    }

    @Test
    void C9_inVietnamAChildOfSevenOrMoreAgreesAsWellAsTheGuardian() {
        assertThrows(ProblemException.class,
                () -> MinorsPolicy.requireValidConsent(12, "VN", by("guardian", "proof"), false));
        assertDoesNotThrow(() -> MinorsPolicy.requireValidConsent(12, "VN", by("guardian", "proof"), true));
        assertDoesNotThrow(() -> MinorsPolicy.requireValidConsent(6, "VN", by("guardian", "proof"), null));
    }
}
