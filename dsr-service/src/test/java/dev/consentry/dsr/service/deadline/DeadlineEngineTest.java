package dev.consentry.dsr.service.deadline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** R3: the jurisdiction table, working days and holidays, pauses, one extension, and a stricter tenant SLA. */
class DeadlineEngineTest {

    /** Holidays configured for the tests: Juneteenth 2026 (a Friday) in California, a Friday in Vietnam. */
    private static final DeadlineEngine ENGINE = new DeadlineEngine(new WorkingCalendar(Map.of(
            "US-CA", Set.of(LocalDate.parse("2026-06-19")),
            "VN", Set.of(LocalDate.parse("2026-04-24")))));

    private static Span span(String spec) {
        String[] p = spec.split(":");
        return switch (p[0]) {
            case "days" -> Span.days(Integer.parseInt(p[1]));
            case "months" -> Span.months(Integer.parseInt(p[1]));
            case "workingDays" -> Span.workingDays(Integer.parseInt(p[1]));
            default -> throw new IllegalArgumentException(spec);
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            VN access                      | VN    | access             | false | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-12T03:00:00Z | =
            VN access, third party         | VN    | access             | true  | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-17T03:00:00Z | =
            VN correction                  | VN    | correction         | false | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-12T03:00:00Z | =
            VN correction, third party     | VN    | correction         | true  | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-17T03:00:00Z | =
            VN portability, third party    | VN    | portability        | true  | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-17T03:00:00Z | =
            VN erasure                     | VN    | erasure            | false | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-22T03:00:00Z | =
            VN erasure, third party        | VN    | erasure            | true  | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-04-01T03:00:00Z | =
            VN restriction                 | VN    | restriction        | false | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-17T03:00:00Z | =
            VN objection, third party      | VN    | objection          | true  | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-22T03:00:00Z | =
            VN withdrawal                  | VN    | consent_withdrawal | false | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-17T03:00:00Z | =
            KR access                      | KR    | access             | false | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-12T03:00:00Z | =
            KR erasure, third party        | KR    | erasure            | true  | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-12T03:00:00Z | =
            KR withdrawal                  | KR    | consent_withdrawal | false | 2026-03-02T03:00:00Z | -    | -         | -     | 2026-03-12T03:00:00Z | =
            EU access, short month         | EU    | access             | false | 2026-01-31T10:00:00Z | -    | -         | -     | 2026-02-28T10:00:00Z | =
            EU erasure across summer time  | EU    | erasure            | true  | 2026-03-15T10:00:00Z | -    | -         | -     | 2026-04-15T09:00:00Z | =
            EU objection stops at once     | EU    | objection          | false | 2026-03-15T10:00:00Z | -    | -         | -     | 2026-03-15T10:00:00Z | =
            EU withdrawal at once          | EU    | consent_withdrawal | false | 2026-03-15T10:00:00Z | -    | -         | -     | 2026-03-15T10:00:00Z | =
            US-CA access across DST        | US-CA | access             | false | 2026-03-02T20:00:00Z | -    | -         | -     | 2026-04-16T19:00:00Z | =
            US-CA erasure                  | US-CA | erasure            | true  | 2026-06-01T19:00:00Z | -    | -         | -     | 2026-07-16T19:00:00Z | =
            US-CA opt-out, 15 business days| US-CA | consent_withdrawal | false | 2026-07-06T19:00:00Z | -    | -         | -     | 2026-07-27T19:00:00Z | =
            US-CA opt-out, holiday in way  | US-CA | consent_withdrawal | false | 2026-06-01T19:00:00Z | -    | -         | -     | 2026-06-23T19:00:00Z | =
            US-CA restriction, weekends    | US-CA | restriction        | true  | 2026-07-10T19:00:00Z | -    | -         | -     | 2026-07-31T19:00:00Z | =
            VN access, paused two days     | VN    | access             | false | 2026-03-02T03:00:00Z | P2D  | -         | -     | 2026-03-14T03:00:00Z | =
            KR correction, paused 36 hours | KR    | correction         | false | 2026-03-02T03:00:00Z | PT36H| -         | -     | 2026-03-13T15:00:00Z | =
            VN access, extended 10 days    | VN    | access             | false | 2026-03-02T03:00:00Z | -    | days:10   | -     | 2026-03-22T03:00:00Z | =
            EU access, 1+2 months=30 Apr   | EU    | access             | false | 2026-01-31T10:00:00Z | -    | months:2  | -     | 2026-04-30T09:00:00Z | =
            US-CA access, extended 45 days | US-CA | access             | false | 2026-03-02T20:00:00Z | -    | days:45   | -     | 2026-05-31T19:00:00Z | =
            VN erasure, extended and paused| VN    | erasure            | true  | 2026-03-02T03:00:00Z | P1D  | days:20   | -     | 2026-04-22T03:00:00Z | =
            VN access, tenant SLA 24 hours | VN    | access             | false | 2026-03-02T03:00:00Z | -    | -         | PT24H | 2026-03-12T03:00:00Z | 2026-03-03T03:00:00Z
            KR erasure, looser tenant SLA  | KR    | erasure            | false | 2026-03-02T03:00:00Z | -    | -         | P30D  | 2026-03-12T03:00:00Z | =
            EU access, SLA and pause       | EU    | access             | false | 2026-01-31T10:00:00Z | P1D  | -         | PT24H | 2026-03-01T10:00:00Z | 2026-02-02T10:00:00Z
            """)
    void R3_dueDates(String name, String jurisdiction, String type, boolean thirdParty, String received, String pause,
                     String extension, String sla, String legalDue, String due) {
        Instant receivedAt = Instant.parse(received);
        List<DeadlineEngine.Pause> pauses = "-".equals(pause) ? List.of()
                : List.of(new DeadlineEngine.Pause(receivedAt.plus(Duration.ofDays(1)),
                receivedAt.plus(Duration.ofDays(1)).plus(Duration.parse(pause))));
        DeadlineEngine.Extension ext = "-".equals(extension) ? null
                : new DeadlineEngine.Extension(span(extension), "volume of records", receivedAt.plusSeconds(60));
        Duration tenantSla = "-".equals(sla) ? null : Duration.parse(sla);

        DeadlineEngine.Deadline d = ENGINE.compute(jurisdiction, type, receivedAt, thirdParty, pauses, ext, tenantSla);

        assertEquals(Instant.parse(legalDue), d.legalDueAt(), "legal due date");
        assertEquals(Instant.parse("=".equals(due) ? legalDue : due), d.dueAt(), "due date to meet");
    }

    @ParameterizedTest(name = "acknowledge {0} received {1}")
    @CsvSource({
            "US-CA, 2026-06-01T19:00:00Z, 2026-06-15T19:00:00Z",
            "VN,    2026-03-06T03:00:00Z, 2026-03-10T03:00:00Z",
            "VN,    2026-04-23T03:00:00Z, 2026-04-28T03:00:00Z"
    })
    void R3_acknowledgementInWorkingDays(String jurisdiction, String received, String acknowledgeBy) {
        assertEquals(Instant.parse(acknowledgeBy), ENGINE.compute(jurisdiction, "access", Instant.parse(received), false,
                List.of(), null, null).acknowledgeBy());
    }

    @Test
    void R3_noAcknowledgementPeriodWhereTheLawSetsNone() {
        assertNull(ENGINE.compute("EU", "access", Instant.parse("2026-03-02T03:00:00Z"), false, List.of(), null, null)
                .acknowledgeBy());
    }

    private static String refusal(String jurisdiction, String type, DeadlineEngine.Extension existing,
                                  DeadlineEngine.Extension asked) {
        return ENGINE.refusal(jurisdiction, type, Instant.parse("2026-03-02T03:00:00Z"), false, List.of(), existing, asked);
    }

    private static DeadlineEngine.Extension ext(Span length, String reason, String at) {
        return new DeadlineEngine.Extension(length, reason, Instant.parse(at));
    }

    @Test
    void R3_oneExtensionWithAReasonBeforeTheOriginalDueDate() {
        DeadlineEngine.Extension ok = ext(Span.days(10), "many systems to search", "2026-03-05T00:00:00Z");
        assertNull(refusal("VN", "access", null, ok));
        assertEquals("a request may be extended once only", refusal("VN", "access", ok, ok));
        assertEquals("an extension needs a reason, which is sent to the subject",
                refusal("VN", "access", null, ext(Span.days(5), " ", "2026-03-05T00:00:00Z")));
        assertEquals("the extension may be at most 10 calendar days",
                refusal("VN", "access", null, ext(Span.days(11), "r", "2026-03-05T00:00:00Z")));
        assertEquals("an extension must be notified before the original due date",
                refusal("VN", "access", null, ext(Span.days(10), "r", "2026-03-12T03:00:00Z")));
        assertEquals("the law of KR allows no extension for access",
                refusal("KR", "access", null, ext(Span.days(5), "r", "2026-03-05T00:00:00Z")));
        assertEquals("the extension may be at most 2 months",
                refusal("EU", "access", null, ext(Span.days(30), "r", "2026-03-05T00:00:00Z")));
    }
}
