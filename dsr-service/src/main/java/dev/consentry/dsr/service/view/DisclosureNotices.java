package dev.consentry.dsr.service.view;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether the shop tells its customers of each disclosure (R14): then each one raises {@code dsr.disclosure-notice}. */
@Schema(example = """
        {"tellSubject":true}""")
public record DisclosureNotices(@NotNull Boolean tellSubject) {
}
