package dev.consentry.dsr.service.view;

import java.util.List;

/** A documented set of rules a tenant switches on at once; {@code enabled} tells whether this tenant has. */
public record RetentionPresetView(String id, String title, String source, boolean enabled,
                                  List<RetentionRuleView> rules) {
}
