package dev.consentry.events.data;

import java.time.Instant;
import java.util.List;

/** Data of {@code consent.notice-published}: a privacy notice version, when it was announced and takes effect. */
public record NoticePublishedData(String version, String language, String contentHash, List<String> purposes,
                                  List<String> changedPurposes, Instant announcedAt, Instant effectiveAt) {
}
