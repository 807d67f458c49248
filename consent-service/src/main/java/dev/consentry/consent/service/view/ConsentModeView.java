package dev.consentry.consent.service.view;

import java.time.Instant;
import java.util.Map;

/**
 * The subject's consents in Google Consent Mode v2 terms (C11): each type is "granted" only if the tenant maps at
 * least one purpose to it and every purpose mapped to it is allowed.
 */
public record ConsentModeView(String subjectId, Instant at, Map<String, String> consentMode) {
}
