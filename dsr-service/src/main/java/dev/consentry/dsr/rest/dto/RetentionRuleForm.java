package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.service.retention.RetentionRules;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A retention rule (R9): the data categories it covers (optionally only as processed for one purpose; a consent
 * trigger names the purpose), the legal basis for keeping them, the ISO-8601 period, the event that starts it, and
 * what happens when it has passed.
 */
@Schema(example = """
        {"categories":["fraudRecords"],"legalBasis":"Records of misuse are kept 1 year after the member leaves, then destroyed",
         "period":"P1Y","trigger":"account_closed","action":"erase"}""")
public record RetentionRuleForm(
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = ValuePatterns.FIELD_NAME, message = ValuePatterns.FIELD_NAME_MESSAGE) String> categories,
        @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String purpose,
        @NotNull @Size(min = 1, max = 500) String legalBasis,
        @NotNull @Pattern(regexp = ValuePatterns.PERIOD, message = ValuePatterns.PERIOD_MESSAGE) String period,
        @NotNull @Pattern(regexp = "account_closed|order_completed|last_activity|consent_withdrawn|consent_expired",
                message = "one of account_closed, order_completed, last_activity, consent_withdrawn, consent_expired")
        String trigger,
        @NotNull @Pattern(regexp = "erase|anonymise", message = "erase or anonymise") String action) {
    public RetentionRules.Rule toRule() {
        return new RetentionRules.Rule(categories, purpose, legalBasis, period, trigger, action);
    }
}
