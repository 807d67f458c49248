package dev.consentry.audit.service;

import dev.consentry.audit.model.AuditEntry;
import dev.consentry.audit.rest.dto.ChainVerification;

import java.util.List;

/** Walks a chain in order and finds the first entry whose links or hash do not hold. */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    public static ChainVerification verify(List<AuditEntry> chain) {
        String expectedPrev = EntryHash.GENESIS;
        long expectedSeq = 1;
        for (AuditEntry e : chain) {
            if (e.key.seq() != expectedSeq) {
                return ChainVerification.broken(chain.size(), expectedSeq, "entry missing");
            }
            if (!e.prevHash.equals(expectedPrev)) {
                return ChainVerification.broken(chain.size(), e.key.seq(), "previous hash does not match");
            }
            if (!EntryHash.of(e).equals(e.entryHash)) {
                return ChainVerification.broken(chain.size(), e.key.seq(), "entry hash does not match its content");
            }
            expectedPrev = e.entryHash;
            expectedSeq++;
        }
        return ChainVerification.valid(chain.size(), expectedPrev);
    }
}
