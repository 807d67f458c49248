package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The privacy officer's overview of open requests (R3): how many per status, how many are past the shop's and the
 * law's due date or due soon, how many partner notices are past their reply-by date, requests due per day ahead, and
 * the median time partners took to answer over the last 90 days (null when none answered).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestStatistics(Map<String, Long> openByStatus, long open, long overdue, long legallyOverdue,
                                long dueSoon, long partnerOverdue, String zone, List<DayCount> dueByDay,
                                Double medianPartnerAnswerHours) {

    public record DayCount(LocalDate day, long count) {
    }
}
