package dev.consentry.console.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** dsr-service's counts of open requests (GET /v1/requests/statistics). */
public record Statistics(Map<String, Long> openByStatus, long open, long overdue, long legallyOverdue, long dueSoon,
                         long partnerOverdue, String zone, List<DayCount> dueByDay, Double medianPartnerAnswerHours) {

    public record DayCount(LocalDate day, long count) {
    }

    public long count(String status) {
        return openByStatus == null ? 0 : openByStatus.getOrDefault(status, 0L);
    }
}
