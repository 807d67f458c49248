package dev.consentry.audit;

import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.data.ConsentDecisionData;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Consent events as consent-service publishes them. */
public final class TestEvents {

    private TestEvents() {
    }

    public static CloudEvent consentGiven(String tenant, String subjectKey) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ConsentDecisionData data = new ConsentDecisionData(UUID.randomUUID().toString(), "marketing-email", "given",
                now, "checkbox", "web", "signup-form", "2026-01", "subject");
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/consentry/consent-service",
                EventTypes.CONSENT_GIVEN, now, CloudEvent.JSON, tenant, subjectKey,
                EventContract.mapper().valueToTree(data));
    }

    /** Any Consentry event, e.g. a partner notice carrying personal values. */
    public static CloudEvent event(String tenant, String subjectKey, String type, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/consentry/dsr-service", type,
                Instant.now().truncatedTo(ChronoUnit.MICROS), CloudEvent.JSON, tenant, subjectKey,
                EventContract.mapper().valueToTree(data));
    }

    /** {@code event} as written by {@code source} with the id {@code id}: how a forger would write it. */
    public static CloudEvent as(CloudEvent event, String id, String source) {
        return new CloudEvent(event.specversion(), id, source, event.type(), event.time(), event.datacontenttype(),
                event.tenant(), event.subjectkey(), event.data());
    }

    public static String json(CloudEvent event) {
        try {
            return EventContract.mapper().writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
