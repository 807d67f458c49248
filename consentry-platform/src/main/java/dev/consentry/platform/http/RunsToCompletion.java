package dev.consentry.platform.http;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a REST resource: the work a request started runs to its end even when the caller hangs up. Without it the REST
 * layer cancels the request's {@code Uni} when the connection closes, and a cancellation that lands inside a
 * transaction closes its session with the transaction still open: Hibernate Reactive then never gives the connection
 * back (quarkusio/quarkus#51576, hibernate/hibernate-reactive#2926), and after a pool's worth of hang-ups (a gateway
 * timing out, a load generator stopping, a browser closed mid-submit) the service answers nothing. A write that ran to
 * its end is also the honest outcome: the caller retries with its Idempotency-Key and gets the first answer. The
 * house rules require it on every resource with a reactive method.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RunsToCompletion {
}
