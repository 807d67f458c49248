package dev.consentry.consent.service;

import dev.consentry.consent.model.LatestDecision;
import dev.consentry.consent.model.Purpose;
import dev.consentry.consent.service.view.DecisionView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DecisionRulesTest {

    private static final Instant GIVEN_AT = Instant.parse("2026-01-15T10:00:00Z");

    private static Purpose purpose(String legalBasis, String validity) {
        Purpose p = new Purpose();
        p.key = new Purpose.Key("shop-a", "marketing-email");
        p.legalBasis = legalBasis;
        p.validity = validity;
        return p;
    }

    private static LatestDecision record(String decision) {
        return new LatestDecision(UUID.randomUUID(), decision, GIVEN_AT);
    }

    @Test
    void C10_consentWithoutValidityNeverExpires() {
        DecisionView d = DecisionRules.decide("c1", purpose("consent", null), record("given"), GIVEN_AT.plusSeconds(86400L * 3650));
        assertEquals("allow", d.decision());
        assertNull(d.expiresAt());
    }

    @Test
    void C10_consentExpiresAtTheEndOfItsValidity() {
        Purpose oneYear = purpose("consent", "P1Y");
        Instant expiry = Instant.parse("2027-01-15T10:00:00Z");
        assertEquals("allow", DecisionRules.decide("c1", oneYear, record("given"), expiry.minusSeconds(1)).decision());
        DecisionView expired = DecisionRules.decide("c1", oneYear, record("given"), expiry);
        assertEquals("deny", expired.decision());
        assertEquals("consent expired", expired.reason());
        assertEquals(expiry, expired.expiresAt());
    }

    @Test
    void C5_contractBasisIsAllowedWithoutAnyRecord() {
        assertEquals("allow", DecisionRules.decide("c1", purpose("contract", null), null, GIVEN_AT).decision());
    }

    @Test
    void refusedWithdrawnAndExpiredRecordsDeny() {
        for (String decision : new String[]{"refused", "withdrawn", "expired"}) {
            DecisionView d = DecisionRules.decide("c1", purpose("consent", null), record(decision), GIVEN_AT);
            assertEquals("deny", d.decision());
            assertEquals("consent " + decision, d.reason());
        }
    }

    @Test
    void C7_consentMarkedForRenewalNoLongerCounts() {
        DecisionView d = DecisionRules.decide("c1", purpose("consent", null), record("renewal_required"), GIVEN_AT);
        assertEquals("deny", d.decision());
        assertEquals("consent renewal required", d.reason());
    }
}
