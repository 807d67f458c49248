package dev.consentry.dsr.service;

import dev.consentry.dsr.model.RequestType;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * Legal due dates of a request from the jurisdiction table of DESIGN.md, in the jurisdiction's own calendar. This
 * version knows correction; working-day calendars, pauses, extensions and tenant SLAs come with the deadline engine.
 */
public final class DeadlinePolicy {

    public static final Set<String> JURISDICTIONS = Set.of("VN", "KR", "EU", "US-CA");

    private static final Map<String, ZoneId> ZONES = Map.of(
            "VN", ZoneId.of("Asia/Ho_Chi_Minh"),
            "KR", ZoneId.of("Asia/Seoul"),
            "EU", ZoneId.of("Europe/Brussels"),
            "US-CA", ZoneId.of("America/Los_Angeles"));

    private DeadlinePolicy() {
    }

    /**
     * @param thirdPartyInvolved whether a processor or third party holds the data (Vietnam allows longer then)
     */
    public static Instant dueAt(String jurisdiction, String type, Instant receivedAt, boolean thirdPartyInvolved) {
        if (!RequestType.CORRECTION.equals(type)) {
            throw new IllegalArgumentException("no deadline rule for " + type + " yet");
        }
        ZonedDateTime received = receivedAt.atZone(zone(jurisdiction));
        ZonedDateTime due = switch (jurisdiction) {
            // Law 91/2025 + Decree 356/2025: 10 days, 15 with a processor or third party.
            case "VN" -> received.plusDays(thirdPartyInvolved ? 15 : 10);
            // PIPA: 10 days.
            case "KR" -> received.plusDays(10);
            // GDPR Art. 12(3): one month.
            case "EU" -> received.plusMonths(1);
            // CCPA regulations: 45 calendar days.
            case "US-CA" -> received.plusDays(45);
            default -> throw new IllegalArgumentException("unknown jurisdiction " + jurisdiction);
        };
        return due.toInstant();
    }

    private static ZoneId zone(String jurisdiction) {
        ZoneId zone = ZONES.get(jurisdiction);
        if (zone == null) {
            throw new IllegalArgumentException("unknown jurisdiction " + jurisdiction);
        }
        return zone;
    }
}
