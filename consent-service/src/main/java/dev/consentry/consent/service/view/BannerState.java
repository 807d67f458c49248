package dev.consentry.consent.service.view;

import java.util.List;
import java.util.Map;

/**
 * One visitor's consents as the banner needs them: each purpose's decision and whether the visitor ever decided on it
 * (the banner shows itself while any purpose is undecided), and the Google Consent Mode v2 values to hand to gtag.
 */
public record BannerState(List<PurposeState> purposes, boolean undecided, Map<String, String> consentMode) {

    public record PurposeState(String purposeId, String decision, boolean decided) {
    }
}
