package dev.consentry.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published JSON Schemas of the event contract, and a validator for them. Partners may use it to check what they
 * receive; Consentry's own tests validate every produced event with it.
 */
public final class EventContract {

    /** Data schema per event type; the envelope is always checked against {@code cloudevent.v1.json}. */
    private static final Map<String, String> DATA_SCHEMAS = Map.ofEntries(
            Map.entry(EventTypes.CONSENT_GIVEN, "consent-decision.v1.json"),
            Map.entry(EventTypes.CONSENT_REFUSED, "consent-decision.v1.json"),
            Map.entry(EventTypes.CONSENT_WITHDRAWN, "consent-decision.v1.json"),
            Map.entry(EventTypes.CONSENT_EXPIRED, "consent-decision.v1.json"),
            Map.entry(EventTypes.CONSENT_RENEWAL_REQUIRED, "consent-decision.v1.json"),
            Map.entry(EventTypes.NOTICE_PUBLISHED, "notice-published.v1.json"),
            Map.entry(EventTypes.CONSENT_STAFF_ACCESS, "staff-access.v1.json"),
            Map.entry(EventTypes.PURPOSE_DEFINED, "purpose-defined.v1.json"),
            Map.entry(EventTypes.DSR_DISCLOSURE_NOTICE, "disclosure.v1.json"),
            Map.entry(EventTypes.DSR_STAFF_ACCESS, "staff-access.v1.json"),
            Map.entry(EventTypes.DSR_RECEIVED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_VERIFIED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_PARTNER_NOTIFIED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_PARTNER_REPLIED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_COMPLETED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_EXTENDED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_DENIED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_CANCELLED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_PAUSED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_RESUMED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_RESTRICTION_LIFTED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_SUBJECT_KEY_DESTROYED, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_DUE_SOON, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_OVERDUE, "dsr-request.v1.json"),
            Map.entry(EventTypes.DSR_PARTNER_OVERDUE, "dsr-request.v1.json"),
            Map.entry(EventTypes.DISCLOSURE_RECORDED, "disclosure.v1.json"),
            Map.entry(EventTypes.DSR_RETENTION_ACTION, "retention-action.v1.json"),
            Map.entry(EventTypes.DSR_COMPLAINT_RECEIVED, "complaint.v1.json"),
            Map.entry(EventTypes.DSR_COMPLAINT_ANSWERED, "complaint.v1.json"),
            Map.entry(EventTypes.DSR_COMPLAINT_OVERDUE, "complaint.v1.json"),
            Map.entry(EventTypes.DSR_BREACH_RECORDED, "breach.v1.json"),
            Map.entry(EventTypes.DSR_BREACH_CHANGED, "breach.v1.json"),
            Map.entry(EventTypes.DSR_BREACH_DUE_SOON, "breach.v1.json"),
            Map.entry(EventTypes.DSR_BREACH_OVERDUE, "breach.v1.json"),
            Map.entry(EventTypes.PARTNER_CORRECTION, "partner-correction.v1.json"),
            Map.entry(EventTypes.PARTNER_ERASURE, "partner-erasure.v1.json"),
            Map.entry(EventTypes.AUDIT_CHECKPOINT, "audit-checkpoint.v1.json"),
            Map.entry(EventTypes.PARTNER_RESTRICTION, "partner-restriction.v1.json"),
            Map.entry(EventTypes.PARTNER_CONSENT_WITHDRAWN, "partner-consent-withdrawn.v1.json"),
            Map.entry(EventTypes.PARTNER_ACCESS_TASK, "partner-access-task.v1.json"),
            Map.entry(EventTypes.PARTNER_REPLY, "partner-reply.v1.json"));

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addDeserializer(Instant.class, new CanonicalInstantDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /**
     * A mapper for event JSON: ISO-8601 timestamps, and unknown fields ignored so that consumers keep working when a
     * producer adds an optional field (the contract only ever grows within a version).
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String schemaResource(String fileName) {
        return "consentry/schemas/" + fileName;
    }

    public static boolean isKnownType(String type) {
        return DATA_SCHEMAS.containsKey(type);
    }

    /** Returns the contract violations of one structured-mode event; empty when it conforms. */
    public static List<String> violations(JsonNode event) {
        List<String> problems = new ArrayList<>();
        schema("cloudevent.v1.json").validate(event).stream().map(ValidationMessage::getMessage).forEach(problems::add);
        JsonNode type = event.get("type");
        String dataSchema = type == null ? null : DATA_SCHEMAS.get(type.asText());
        if (dataSchema == null) {
            problems.add("unknown event type " + type);
        } else if (event.hasNonNull("data")) {
            schema(dataSchema).validate(event.get("data")).stream()
                    .map(m -> "data: " + m.getMessage()).forEach(problems::add);
        }
        return problems;
    }

    private static JsonSchema schema(String fileName) {
        return SCHEMAS.computeIfAbsent(fileName, f -> {
            try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(schemaResource(f))) {
                if (in == null) {
                    throw new IllegalStateException("schema missing from the contract jar: " + f);
                }
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
