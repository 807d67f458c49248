package dev.consentry.platform.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Raises the body limit of one endpoint above {@code consentry.http.max-json-body-size} (e.g. a bulk import).
 * Stays within {@code quarkus.http.limits.max-body-size}, the HTTP layer's hard limit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MaxBodySize {

    /** Bytes. */
    long value();
}
