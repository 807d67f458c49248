package dev.consentry.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as every Consentry topic carries it.
 * <p>
 * Extension attributes: {@code tenant} (the shop the event belongs to) and {@code subjectkey}
 * (a keyed hash of the data subject, never the subject's identifier itself), and {@code traceparent} of the
 * CloudEvents distributed-tracing extension (the W3C trace context in which the event was created, when traced). The
 * Kafka record key is {@link #recordKey()} so that one subject's events stay ordered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String datacontenttype,
        String tenant,
        String subjectkey,
        JsonNode data,
        String traceparent) {

    /** An event created outside any trace. */
    public CloudEvent(String specversion, String id, String source, String type, Instant time, String datacontenttype,
                      String tenant, String subjectkey, JsonNode data) {
        this(specversion, id, source, type, time, datacontenttype, tenant, subjectkey, data, null);
    }

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** Content type of a structured-mode CloudEvent (used as the Kafka {@code content-type} header). */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** The Kafka record key: {@code tenant/subjectKey}, or just the tenant for events about no subject. */
    public String recordKey() {
        return subjectkey == null ? tenant : tenant + "/" + subjectkey;
    }
}
