package dev.consentry.dsr.config;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

/** dsr-service settings. */
@ConfigMapping(prefix = "consentry.dsr")
public interface DsrConfig {

    /**
     * Public holidays per jurisdiction, as comma-separated ISO dates, e.g.
     * {@code consentry.dsr.holidays.VN=2026-01-01,2026-04-30,2026-05-01}. Working-day deadlines skip them.
     */
    Map<String, String> holidays();

    /** A request is "due soon" this long before its due date. */
    @io.smallrye.config.WithDefault("P2D")
    java.time.Duration dueSoonWindow();

    /** How often deadlines are checked; read by DeadlineWatch's schedule expression. */
    @io.smallrye.config.WithDefault("5m")
    String deadlineCheck();
}
