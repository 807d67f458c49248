package dev.consentry.platform.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The clock services read the time from (UTC); a test may replace the bean to move time instead of sleeping. */
@ApplicationScoped
public class Clocks {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock utc() {
        return Clock.systemUTC();
    }
}
