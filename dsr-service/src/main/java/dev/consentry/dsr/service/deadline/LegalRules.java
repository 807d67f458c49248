package dev.consentry.dsr.service.deadline;

import java.time.ZoneId;
import java.util.Map;

import static dev.consentry.dsr.service.deadline.Span.NONE;
import static dev.consentry.dsr.service.deadline.Span.days;
import static dev.consentry.dsr.service.deadline.Span.months;
import static dev.consentry.dsr.service.deadline.Span.workingDays;

/**
 * Per jurisdiction and request type: the deadline to answer, the deadline when third parties are involved and the
 * longest extension, with the law each comes from, and the time zone its days are counted in.
 */
public final class LegalRules {

    static final Map<String, ZoneId> ZONES = Map.of(
            "VN", ZoneId.of("Asia/Ho_Chi_Minh"),
            "KR", ZoneId.of("Asia/Seoul"),
            "EU", ZoneId.of("Europe/Brussels"),
            "US-CA", ZoneId.of("America/Los_Angeles"));

    private static final String VN = "Law 91/2025/QH15 + Decree 356/2025";
    private static final String KR = "PIPA";
    private static final String EU = "GDPR Art. 12(3)";
    private static final String CA = "CCPA regulations (11 CCR 7021, 7026)";

    private static final Map<String, Map<String, LegalRule>> RULES = Map.of(
            "VN", Map.of(
                    "access", LegalRule.of(days(10), days(15), days(10), VN),
                    "correction", LegalRule.of(days(10), days(15), days(10), VN),
                    "portability", LegalRule.of(days(10), days(15), days(10), VN),
                    "erasure", LegalRule.of(days(20), days(30), days(20), VN),
                    "restriction", LegalRule.of(days(15), days(20), days(15), VN),
                    "objection", LegalRule.of(days(15), days(20), days(15), VN),
                    "consent_withdrawal", LegalRule.of(days(15), days(20), days(15), VN)),
            "KR", Map.of(
                    "access", LegalRule.of(days(10), days(10), NONE, KR),
                    "correction", LegalRule.of(days(10), days(10), NONE, KR),
                    "portability", LegalRule.of(days(10), days(10), NONE, KR),
                    "erasure", LegalRule.of(days(10), days(10), NONE, KR),
                    "restriction", LegalRule.of(days(10), days(10), NONE, KR),
                    "objection", LegalRule.of(days(10), days(10), NONE, KR),
                    "consent_withdrawal", LegalRule.of(days(10), days(10), NONE, KR)),
            "EU", Map.of(
                    "access", LegalRule.of(months(1), months(1), months(2), EU),
                    "correction", LegalRule.of(months(1), months(1), months(2), EU),
                    "portability", LegalRule.of(months(1), months(1), months(2), EU),
                    "erasure", LegalRule.of(months(1), months(1), months(2), EU),
                    "restriction", LegalRule.of(months(1), months(1), months(2), EU),
                    // Art. 21(3): objection to direct marketing stops it at once
                    "objection", LegalRule.of(NONE, NONE, NONE, "GDPR Art. 21(3)"),
                    "consent_withdrawal", LegalRule.of(NONE, NONE, NONE, "GDPR Art. 7(3)")),
            "US-CA", Map.of(
                    "access", LegalRule.of(days(45), days(45), days(45), CA),
                    "correction", LegalRule.of(days(45), days(45), days(45), CA),
                    "portability", LegalRule.of(days(45), days(45), days(45), CA),
                    "erasure", LegalRule.of(days(45), days(45), days(45), CA),
                    // opt-out of sale/sharing and limiting sensitive data: 15 business days
                    "restriction", LegalRule.of(workingDays(15), workingDays(15), NONE, CA),
                    "objection", LegalRule.of(workingDays(15), workingDays(15), NONE, CA),
                    "consent_withdrawal", LegalRule.of(workingDays(15), workingDays(15), NONE, CA)));

    /** Acknowledgement of receipt, where the law sets one. */
    private static final Map<String, Span> ACKNOWLEDGE = Map.of("VN", workingDays(2), "US-CA", workingDays(10));

    private LegalRules() {
    }

    public static LegalRule rule(String jurisdiction, String requestType) {
        Map<String, LegalRule> byType = RULES.get(jurisdiction);
        LegalRule rule = byType == null ? null : byType.get(requestType);
        if (rule == null) {
            throw new IllegalArgumentException("no rule for " + requestType + " in " + jurisdiction);
        }
        return rule;
    }

    /** The acknowledgement period, or {@link Span#NONE} where the law sets none. */
    public static Span acknowledge(String jurisdiction) {
        return ACKNOWLEDGE.getOrDefault(jurisdiction, NONE);
    }

    public static ZoneId zone(String jurisdiction) {
        ZoneId zone = ZONES.get(jurisdiction);
        if (zone == null) {
            throw new IllegalArgumentException("unknown jurisdiction " + jurisdiction);
        }
        return zone;
    }
}
