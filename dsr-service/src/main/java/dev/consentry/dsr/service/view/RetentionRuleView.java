package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A retention rule as stored; {@code preset} names the preset that added it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetentionRuleView(String id, List<String> categories, String purpose, String legalBasis, String period,
                                String trigger, String action, String preset) {
}
