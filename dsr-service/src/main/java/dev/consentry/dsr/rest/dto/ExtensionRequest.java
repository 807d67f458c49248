package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.service.RequestExtensions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The one extension of a request's deadline, with the reason the subject is told (R3). */
public record ExtensionRequest(
        @NotNull @Min(1) @Max(90) Integer length,
        @NotNull @Pattern(regexp = "calendar_days|working_days|months") String unit,
        @NotBlank @Size(max = 2000) String reason) {
    public RequestExtensions.Extension toExtension() {
        return new RequestExtensions.Extension(length, unit, reason);
    }
}
