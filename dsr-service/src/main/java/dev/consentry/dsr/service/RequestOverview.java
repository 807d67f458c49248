package dev.consentry.dsr.service;

import dev.consentry.dsr.config.DsrConfig;
import dev.consentry.dsr.repository.RequestStatisticsRepository;
import dev.consentry.dsr.service.view.RequestStatistics;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The counts behind the privacy officer's queue and dashboard. */
@ApplicationScoped
public class RequestOverview {

    /** Partner answer times are taken over this window. */
    static final Duration ANSWER_WINDOW = Duration.ofDays(90);

    private final RequestStatisticsRepository statistics;
    private final DsrConfig config;
    private final Clock clock;

    public RequestOverview(RequestStatisticsRepository statistics, DsrConfig config, Clock clock) {
        this.statistics = statistics;
        this.config = config;
        this.clock = clock;
    }

    /** The tenant's overview, with requests due on each of the next {@code days} days of {@code zone} (today first). */
    @WithSession
    public Uni<RequestStatistics> of(String tenant, int days, ZoneId zone) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(days).atStartOfDay(zone).toInstant();
        return statistics.openByStatus(tenant).flatMap(byStatus -> statistics.overdue(tenant, now,
                        now.plus(config.dueSoonWindow()))
                .flatMap(overdue -> statistics.partnerOverdue(tenant, now)
                        .flatMap(partnerOverdue -> statistics.dueByDay(tenant, from, to, zone.getId())
                                .flatMap(byDay -> statistics.medianAnswerSeconds(tenant, now.minus(ANSWER_WINDOW))
                                        .map(median -> new RequestStatistics(byStatus,
                                                byStatus.values().stream().mapToLong(Long::longValue).sum(),
                                                overdue.overdue(), overdue.legallyOverdue(), overdue.dueSoon(),
                                                partnerOverdue, zone.getId(), everyDay(today, days, byDay),
                                                median == null ? null : Math.round(median / 36.0) / 100.0))))));
    }

    /** One entry per day, zero where nothing is due, so a chart has no gaps. */
    private static List<RequestStatistics.DayCount> everyDay(LocalDate today, int days, Map<LocalDate, Long> byDay) {
        List<RequestStatistics.DayCount> all = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            LocalDate day = today.plusDays(i);
            all.add(new RequestStatistics.DayCount(day, byDay.getOrDefault(day, 0L)));
        }
        return all;
    }
}
