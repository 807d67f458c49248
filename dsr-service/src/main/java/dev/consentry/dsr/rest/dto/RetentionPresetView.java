package dev.consentry.dsr.rest.dto;

import java.util.List;

/** A documented set of rules a tenant switches on at once; {@code enabled} tells whether this tenant has. */
public record RetentionPresetView(String id, String title, String source, boolean enabled,
                                  List<RetentionRuleView> rules) {
}
