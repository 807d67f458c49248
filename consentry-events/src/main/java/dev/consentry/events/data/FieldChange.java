package dev.consentry.events.data;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One corrected field: {@code path} is a JSON Pointer into the subject's record (e.g. {@code /shippingAddress}),
 * {@code oldValue} the value the recipient received (null if unknown), {@code newValue} the corrected value.
 */
public record FieldChange(String path, JsonNode oldValue, JsonNode newValue) {
}
