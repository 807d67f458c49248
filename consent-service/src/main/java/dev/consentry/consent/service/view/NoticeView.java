package dev.consentry.consent.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeView(String version, String language, String url, String contentHash, List<String> purposes,
                         List<String> changedPurposes, String whatChanged, Instant announcedAt, Instant effectiveAt,
                         Integer consentsNeedingRenewal) {
}
