package dev.consentry.audit.service;

import dev.consentry.audit.model.AuditEntry;
import dev.consentry.audit.rest.dto.ChainVerification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainVerifierTest {

    private static List<AuditEntry> chain(int size) {
        List<AuditEntry> chain = new ArrayList<>();
        String prev = EntryHash.GENESIS;
        for (int i = 1; i <= size; i++) {
            AuditEntry e = new AuditEntry();
            e.key = new AuditEntry.Key("shop-a", i);
            e.eventId = "event-" + i;
            e.eventType = "dev.consentry.consent.given.v1";
            e.source = "/consentry/consent-service";
            e.subjectKey = "key-" + i;
            e.occurredAt = Instant.parse("2026-11-01T10:00:00Z").plusSeconds(i);
            e.recordedAt = e.occurredAt;
            e.data = "{\"purposeId\":\"marketing-email\"}";
            e.prevHash = prev;
            e.entryHash = EntryHash.of(e);
            prev = e.entryHash;
            chain.add(e);
        }
        return chain;
    }

    @Test
    void A1_intactChainVerifiesWithItsHead() {
        List<AuditEntry> chain = chain(5);
        ChainVerification result = ChainVerifier.verify(chain);
        assertTrue(result.valid());
        assertEquals(chain.get(4).entryHash, result.headHash());
    }

    @Test
    void A1_alteredEntryIsReportedAsTheFirstBadEntry() {
        List<AuditEntry> chain = chain(5);
        chain.get(2).data = "{\"purposeId\":\"analytics-cookies\"}";
        ChainVerification result = ChainVerifier.verify(chain);
        assertFalse(result.valid());
        assertEquals(3L, result.firstBadSeq());
    }

    @Test
    void A1_removedEntryIsDetected() {
        List<AuditEntry> chain = chain(5);
        chain.remove(1);
        ChainVerification result = ChainVerifier.verify(chain);
        assertFalse(result.valid());
        assertEquals(2L, result.firstBadSeq());
    }

    @Test
    void A1_rehashedEntryStillBreaksTheNextLink() {
        List<AuditEntry> chain = chain(5);
        AuditEntry forged = chain.get(1);
        forged.data = "{\"purposeId\":\"forged\"}";
        forged.entryHash = EntryHash.of(forged);
        ChainVerification result = ChainVerifier.verify(chain);
        assertFalse(result.valid());
        assertEquals(3L, result.firstBadSeq());
    }
}
