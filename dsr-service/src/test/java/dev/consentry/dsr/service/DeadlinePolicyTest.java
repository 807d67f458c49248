package dev.consentry.dsr.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeadlinePolicyTest {

    @ParameterizedTest(name = "{0} correction, third party {1}: due {3}")
    @CsvSource({
            "VN, false, 2026-03-02T03:00:00Z, 2026-03-12T03:00:00Z",
            "VN, true,  2026-03-02T03:00:00Z, 2026-03-17T03:00:00Z",
            "KR, true,  2026-03-02T03:00:00Z, 2026-03-12T03:00:00Z",
            "EU, false, 2026-01-31T10:00:00Z, 2026-02-28T10:00:00Z",
            // Counted in California's calendar: noon PST on 2 March is due noon PDT on 16 April (19:00 UTC).
            "US-CA, false, 2026-03-02T20:00:00Z, 2026-04-16T19:00:00Z"
    })
    void R3_correctionDueDatesFollowTheJurisdictionTable(String jurisdiction, boolean thirdParty, String received,
                                                         String due) {
        assertEquals(Instant.parse(due),
                DeadlinePolicy.dueAt(jurisdiction, "correction", Instant.parse(received), thirdParty));
    }
}
