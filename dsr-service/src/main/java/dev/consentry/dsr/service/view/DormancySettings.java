package dev.consentry.dsr.service.view;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The tenant's dormant-account policy (R10): off until switched on; then an account without a login or an order for
 * {@code inactiveFor} is dormant, the customer is told {@code noticeBefore} that, its data is then separated and
 * erased {@code eraseAfter} the separation. ISO-8601 periods.
 */
@Schema(example = """
        {"enabled":true,"inactiveFor":"P180D","noticeBefore":"P30D","eraseAfter":"P1Y"}""")
public record DormancySettings(
        @NotNull Boolean enabled,
        @NotNull @Pattern(regexp = ValuePatterns.PERIOD, message = ValuePatterns.PERIOD_MESSAGE) String inactiveFor,
        @NotNull @Pattern(regexp = ValuePatterns.PERIOD, message = ValuePatterns.PERIOD_MESSAGE) String noticeBefore,
        @NotNull @Pattern(regexp = ValuePatterns.PERIOD, message = ValuePatterns.PERIOD_MESSAGE) String eraseAfter) {

    /** 180 days without a login (Cafe24's policy), told 30 days ahead (the former Korean rule), erased a year later. */
    public static final DormancySettings DEFAULTS = new DormancySettings(false, "P180D", "P30D", "P1Y");
}
