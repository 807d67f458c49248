package dev.consentry.platform.tracing;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * W3C trace context (traceparent) as the CloudEvents distributed-tracing extension carries it: taken from the current
 * span when an event is stored in the outbox, and the parent of the spans that relay and consume it, so that one trace
 * runs from the HTTP request through the outbox and Kafka into every consumer. Without a recording trace (tracing off)
 * there is nothing to carry.
 */
public final class TraceContexts {

    /** version 00, 32 hex trace id, 16 hex parent id, 2 hex flags; all-zero ids are invalid. */
    private static final Pattern TRACEPARENT = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private static final TextMapGetter<String> FROM_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    /** The setting that turns tracing off (the default here; the chart turns it on with an OTLP endpoint). */
    public static final String TRACING_OFF = "quarkus.otel.sdk.disabled";

    private TraceContexts() {
    }

    /**
     * The tracer for the spans of events: {@code tracer} when tracing is on; otherwise one that records nothing and
     * only passes a context on. With its SDK disabled, Quarkus's tracer still builds every span and draws random ids
     * for it (a sixth of dsr-service's CPU per consumed event, BENCHMARKS.md).
     */
    public static Tracer eventTracer(boolean tracingOff, Tracer tracer) {
        return tracingOff ? TracerProvider.noop().get("consentry") : tracer;
    }

    /** The current span's traceparent, or null when no span is being recorded. */
    public static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** The context whose span is {@code traceparent}; the root context for a missing or malformed one. */
    public static Context parent(String traceparent) {
        if (!isValid(traceparent)) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, FROM_TRACEPARENT);
    }

    public static boolean isValid(String traceparent) {
        return traceparent != null && TRACEPARENT.matcher(traceparent).matches();
    }
}
