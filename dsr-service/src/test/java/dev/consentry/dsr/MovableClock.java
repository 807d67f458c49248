package dev.consentry.dsr;

import jakarta.inject.Singleton;

/** The services' clock in this module's tests (see the testkit's MovableClock). */
@Singleton
public class MovableClock extends dev.consentry.testkit.MovableClock {
}
