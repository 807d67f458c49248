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

    Verification verification();

    /**
     * Jurisdiction whose deadlines apply to work Consentry starts on its own, e.g. passing a consent withdrawn in
     * consent-service on to the recipients of the data (VN, KR, EU or US-CA).
     */
    @io.smallrye.config.WithDefault("EU")
    String defaultJurisdiction();

    Retention retention();

    Webhooks webhooks();

    EmailPartners emailPartners();

    /** Notices delivered by e-mail (P2). */
    interface EmailPartners {
        /** The address this service is reached at from a partner's mailbox; answer links start with it. */
        @io.smallrye.config.WithDefault("http://localhost:8082")
        String publicUrl();

        /** How long after its reply date a notice's answer link still works. */
        @io.smallrye.config.WithDefault("P7D")
        java.time.Duration linkGrace();
    }

    /** Notices delivered over HTTP (P1). */
    interface Webhooks {
        /** Whether webhook addresses may use plain http (local runs and tests only). */
        @io.smallrye.config.WithDefault("false")
        boolean allowHttp();

        /** How long one delivery attempt may take before it counts as failed. */
        @io.smallrye.config.WithDefault("10s")
        java.time.Duration timeout();

        /** How long a notice is retried (with exponential backoff and jitter) before it is given up and escalated. */
        @io.smallrye.config.WithDefault("P1D")
        java.time.Duration giveUpAfter();

        /** The first retry's delay; each next one doubles, up to {@link #maxBackoff()}. */
        @io.smallrye.config.WithDefault("5s")
        java.time.Duration firstBackoff();

        @io.smallrye.config.WithDefault("1h")
        java.time.Duration maxBackoff();

        /** How often the dispatcher looks for due deliveries (a new notice also wakes it). */
        @io.smallrye.config.WithDefault("1s")
        String poll();
    }

    /** The retention schedule (R9, R10). */
    interface Retention {
        /** How often the schedule runs ({@code off} to stop it); read by RetentionSchedule's schedule expression. */
        @io.smallrye.config.WithDefault("1h")
        String every();

        /** How long after start the first round runs. */
        @io.smallrye.config.WithDefault("60s")
        String delay();

        /** Due steps read at a time; each step then commits on its own. */
        @io.smallrye.config.WithDefault("100")
        int batchSize();
    }

    /** One-time codes for requests received by phone, letter or e-mail (R2). */
    interface Verification {
        /** How long a code is valid after it is sent. */
        @io.smallrye.config.WithDefault("15m")
        java.time.Duration codeValidity();

        /** Wrong codes accepted before the code is locked (a new one must be sent). */
        @io.smallrye.config.WithDefault("5")
        int maxAttempts();

        /** Codes that may be sent for one request, the first included. */
        @io.smallrye.config.WithDefault("5")
        int maxSends();
    }
}
