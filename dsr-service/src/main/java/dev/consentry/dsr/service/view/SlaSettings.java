package dev.consentry.dsr.service.view;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The tenant's promise to answer requests within so many hours (null: the law's deadlines only). */
public record SlaSettings(@Min(1) @Max(24 * 90) Integer slaHours) {
}
