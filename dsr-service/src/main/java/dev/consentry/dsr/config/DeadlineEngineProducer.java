package dev.consentry.dsr.config;

import dev.consentry.dsr.service.deadline.DeadlineEngine;
import dev.consentry.dsr.service.deadline.WorkingCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the deadline engine with the configured holiday calendars. */
public class DeadlineEngineProducer {

    @Produces
    @ApplicationScoped
    DeadlineEngine deadlineEngine(DsrConfig config) {
        Map<String, Set<LocalDate>> holidays = new HashMap<>();
        config.holidays().forEach((jurisdiction, dates) -> holidays.put(jurisdiction.replace("\"", ""),
                Arrays.stream(dates.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(LocalDate::parse).collect(Collectors.toSet())));
        return new DeadlineEngine(new WorkingCalendar(holidays));
    }
}
