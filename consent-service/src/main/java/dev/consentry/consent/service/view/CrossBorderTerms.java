package dev.consentry.consent.service.view;

import java.util.List;

/** Terms of a transfer abroad (C8): a change to any of them requires fresh consent. */
public record CrossBorderTerms(String country, String recipient, List<String> dataItems, String retention,
                               String howToRefuse) {
}
